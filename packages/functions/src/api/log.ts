/**
 * The structured log every entry point writes to: Powertools Logger in Lambda (JSON lines with the
 * request id, cold start and function name; lambda.ts), a quiet one in tests. Log lines carry ids,
 * outcomes and counts; never a reporter's name, phone, location or description.
 */
export interface Log {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}

/** Drops everything: for tests and benches that assert on answers, not on logs. */
export const silentLog: Log = { info() {}, warn() {}, error() {} };
