export * from "./store";
export * from "./types";
