export * from "./magic";
export * from "./policy";
export * from "./processing";
export * from "./rules";
export * from "./schema";
export * from "./types";
export * from "./uploads";
export * from "./viewing";
