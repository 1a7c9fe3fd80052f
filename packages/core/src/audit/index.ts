export type { AuditStore } from "./store";
export * from "./types";
