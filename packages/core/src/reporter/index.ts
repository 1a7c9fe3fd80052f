export * from "./access";
export * from "./closure";
export * from "./secret";
export * from "./service";
export * from "./thread";
export * from "./types";
export * from "./updates";
export * from "./view";
