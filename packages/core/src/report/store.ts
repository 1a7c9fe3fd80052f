import type { AuditEntry } from "../audit/types";
import type { QueueQuery } from "./queue";
import type { IdempotencyRecord, Report } from "./types";

/** How an attempt to write a new report ended. Only `created` wrote anything. */
export type CreateOutcome = "created" | "idempotency_taken" | "code_taken" | "conflict";

/** The port the report service needs from storage. */
export interface ReportStore {
  /** Writes the report, its tracking-code claim and its idempotency record in one transaction. */
  create(report: Report, idempotency?: IdempotencyRecord): Promise<CreateOutcome>;
  /** The live (unexpired) idempotency record for `key`, read consistently. */
  getIdempotency(key: string, nowSeconds: number): Promise<IdempotencyRecord | undefined>;
  getById(reportId: string): Promise<Report | undefined>;
  getByTrackingCode(trackingCode: string): Promise<Report | undefined>;
  /** Replaces the report if it is still at `expectedVersion`, writing the audit entries in the same transaction. */
  update(next: Report, expectedVersion: number, audit: readonly AuditEntry[]): Promise<"updated" | "stale">;
  /** One page of a queue, from a GSI query with filters; `cursor` is null on the last page. */
  queue(query: QueueQuery): Promise<{ items: Report[]; cursor: string | null }>;
}
