export * from "./region";
