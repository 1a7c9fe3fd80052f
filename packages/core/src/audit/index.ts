export * from "./access-log";
export * from "./access-log-files";
export type { AuditStore } from "./store";
export * from "./types";
