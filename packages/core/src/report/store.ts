import type { CounterTake } from "../abuse/admission";
import type { HoldReason } from "../abuse/form";
import type { AuditEntry } from "../audit/types";
import type { ContactRetention } from "../reporter/retention";
import type { QueueQuery } from "./queue";
import type { IdempotencyRecord, ReopenRecord, Report, ReporterUpdate } from "./types";

/** How an attempt to write a new report ended. Only `created` wrote anything. */
export type CreateOutcome =
  | "created"
  | "idempotency_taken"
  | "code_taken"
  | "conflict"
  | `limit_${CounterTake["kind"]}`;

/** What a new report takes from its source's counters, and whether it is held for review. */
export interface Admission {
  counters: readonly CounterTake[];
  /** Set when the report goes to quarantine: the report carries it as heldReason, with a hold item. */
  hold?: HoldReason;
}

/** The port the report service needs from storage. */
export interface ReportStore {
  /**
   * Writes the report, its tracking-code claim, its idempotency record, its source counters (each only
   * while under its limit) and, when held, its hold item, in one transaction: a retry that finds its key
   * taken counts nothing.
   */
  create(report: Report, idempotency?: IdempotencyRecord, admission?: Admission): Promise<CreateOutcome>;
  /** The live (unexpired) idempotency record for `key`, read consistently. */
  getIdempotency(key: string, nowSeconds: number): Promise<IdempotencyRecord | undefined>;
  getById(reportId: string): Promise<Report | undefined>;
  getByTrackingCode(trackingCode: string): Promise<Report | undefined>;
  /**
   * Replaces the report if it is still at `expectedVersion`, writing the audit entries in the same
   * transaction, and with them: when the reporter reopens it, the reopening that alerts its officer; an
   * SMS update owed to the reporter; and the contact erasure due once it closed (or `clear` to drop it).
   */
  update(
    next: Report,
    expectedVersion: number,
    audit: readonly AuditEntry[],
    also?: { reopen?: ReopenRecord; update?: ReporterUpdate; retention?: ContactRetention | "clear" },
  ): Promise<"updated" | "stale">;
  /** One page of a queue, from a GSI query with filters; `cursor` is null on the last page. */
  queue(query: QueueQuery): Promise<{ items: Report[]; cursor: string | null }>;
}
