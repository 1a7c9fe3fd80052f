export * from "./client";
export * from "./table";
