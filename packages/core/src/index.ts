export * as Audit from "./audit";
export * as Db from "./db";
export * from "./errors";
export * as Idempotency from "./idempotency";
export * as Officer from "./officer";
export * as Region from "./region";
export * as Report from "./report";
export * as Time from "./time";
