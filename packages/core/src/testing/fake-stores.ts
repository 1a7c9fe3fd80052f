/**
 * In-memory ReportStore, AuditStore and OfficerStore with the DynamoDB adapters' semantics (see
 * adapters/dynamo/): conditional creates, version checks that answer "stale", all-or-nothing
 * transactions with their audit entries, and copies in and out so a caller never holds stored state.
 */
import type { AuditStore } from "../audit/store";
import type { AuditEntry } from "../audit/types";
import { ValidationError } from "../errors";
import type { OfficerStore } from "../officer/store";
import type { Officer } from "../officer/types";
import { PRIORITIES } from "../report/priority";
import type { QueueQuery } from "../report/queue";
import { OPEN_STATUSES } from "../report/status";
import type { Admission, CreateOutcome, ReportStore } from "../report/store";
import type { IdempotencyRecord, ReopenRecord, Report, ReporterUpdate } from "../report/types";
import { copy, Faults, type Journal, tick } from "./fake-kit";

/** The audit trail in memory: entries per subject, sorted by auditId as the table's sort key sorts them. */
export class FakeAuditStore implements AuditStore {
  readonly entries: AuditEntry[] = [];
  readonly faults = new Faults<"record">();
  constructor(private readonly journal: Journal = []) {}

  /** Writes all entries or none; a repeated subject + auditId cancels the batch as a failed create does. */
  append(entries: readonly AuditEntry[]): void {
    const keys = new Set(this.entries.map((e) => `${e.subject}|${e.auditId}`));
    for (const e of entries) {
      const key = `${e.subject}|${e.auditId}`;
      if (keys.has(key)) throw new Error(`Audit entry ${key} exists: the conditional request failed.`);
      keys.add(key);
    }
    this.entries.push(...entries.map(copy));
  }

  async record(entry: AuditEntry) {
    await tick();
    this.faults.check("record");
    this.append([entry]);
    // Journaled once stored, so "audited before" in a test means the entry was really there.
    this.journal.push(`audit.record ${entry.subject} ${entry.action}`);
  }

  async list(subject: string) {
    this.journal.push(`audit.list ${subject}`);
    await tick();
    const mine = this.entries.filter((e) => e.subject === subject);
    return mine.sort((a, b) => (a.auditId < b.auditId ? -1 : a.auditId > b.auditId ? 1 : 0)).map(copy);
  }
}

type SortKey = (string | number)[];
const compare = (a: SortKey, b: SortKey) => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** Reports, tracking-code claims and idempotency records in memory; `queue` filters like the GSI queries. */
export class FakeReportStore implements ReportStore {
  readonly reports = new Map<string, Report>();
  readonly codes = new Map<string, string>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** Source counters by key. */
  readonly counts = new Map<string, number>();
  constructor(
    private readonly audit = new FakeAuditStore(),
    private readonly journal: Journal = [],
  ) {}

  async create(report: Report, idem?: IdempotencyRecord, admission?: Admission): Promise<CreateOutcome> {
    this.journal.push(`reports.create ${report.reportId}`);
    await tick();
    // An expired record that TTL has not deleted yet counts as free, as in the adapter's condition.
    const nowSeconds = Math.floor(Date.parse(report.createdAt) / 1000);
    const held = idem && this.idempotency.get(idem.key);
    if (held && held.expiresAt >= nowSeconds) return "idempotency_taken";
    const counters = admission?.counters ?? [];
    const limited = counters.find((c) => (this.counts.get(c.key) ?? 0) >= c.limit);
    if (limited) return `limit_${limited.kind}`;
    if (this.codes.has(report.trackingCode)) return "code_taken";
    for (const c of counters) this.counts.set(c.key, (this.counts.get(c.key) ?? 0) + 1);
    if (this.reports.has(report.reportId)) throw new Error(`Report ${report.reportId} exists: a bug.`);
    this.reports.set(report.reportId, copy(report));
    this.codes.set(report.trackingCode, report.reportId);
    if (idem) this.idempotency.set(idem.key, copy(idem));
    return "created";
  }

  async getIdempotency(key: string, nowSeconds: number) {
    await tick();
    const record = this.idempotency.get(key);
    return record && record.expiresAt >= nowSeconds ? copy(record) : undefined;
  }

  async getById(reportId: string) {
    this.journal.push(`reports.getById ${reportId}`);
    await tick();
    const report = this.reports.get(reportId);
    return report && copy(report);
  }

  async getByTrackingCode(trackingCode: string) {
    const id = this.codes.get(trackingCode);
    return id === undefined ? undefined : this.getById(id);
  }

  async update(
    next: Report,
    expectedVersion: number,
    audit: readonly AuditEntry[],
    also: { reopen?: ReopenRecord; update?: ReporterUpdate } = {},
  ) {
    this.journal.push(`reports.update ${next.reportId}`);
    await tick();
    if (this.reports.get(next.reportId)?.version !== expectedVersion) return "stale" as const;
    this.audit.append(audit);
    this.reports.set(next.reportId, copy(next));
    if (also.reopen) this.reopenings.push(copy(also.reopen));
    if (also.update) this.updates.push(copy(also.update));
    return "updated" as const;
  }

  /** Reopenings by reporters, in order: what the table's stream would carry. */
  readonly reopenings: ReopenRecord[] = [];
  /** SMS updates owed to reporters, written with the report's change (the outbox). */
  readonly updates: ReporterUpdate[] = [];

  async queue(q: QueueQuery) {
    await tick();
    const from = q.fromIso ?? "0000";
    const to = q.toIso ?? "9999";
    const key = (r: Report): SortKey =>
      q.index === "urgent"
        ? [PRIORITIES.indexOf(r.priority), r.createdAt, r.reportId]
        : // Newest first: the key is compared the other way round below.
          [r.createdAt, r.reportId];
    const order = (a: SortKey, b: SortKey) => (q.index === "urgent" ? compare(a, b) : compare(b, a));
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const matching = [...this.reports.values()]
      .filter((r) => {
        // A held report has no index keys (db/entities/report.ts).
        if (r.heldReason !== undefined) return false;
        if (q.index === "urgent" && !OPEN_STATUSES.includes(r.status)) return false;
        if (q.index === "area" && r.kecamatan !== (q.kecamatan ?? "")) return false;
        if (q.index === "urgent" && q.kecamatan && r.kecamatan !== q.kecamatan) return false;
        if (r.createdAt < from || r.createdAt >= to) return false;
        if (q.status && r.status !== q.status) return false;
        if (q.priority && r.priority !== q.priority) return false;
        if (q.desa && r.desa !== q.desa) return false;
        if (q.within && !q.within.desa.includes(r.desa) && r.assignee !== q.within.assignee) return false;
        return !after || order(after, key(r)) < 0;
      })
      .sort((a, b) => order(key(a), key(b)));
    const items = matching.slice(0, q.limit);
    const last = items.at(-1);
    const cursor = matching.length > q.limit && last ? encodeCursor(key(last)) : null;
    return { items: items.map(copy), cursor };
  }
}

const encodeCursor = (key: SortKey) => Buffer.from(JSON.stringify(key)).toString("base64url");
function decodeCursor(cursor: string): SortKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length > 0) return key;
  } catch {}
  throw new ValidationError("The page cursor is not valid.", [
    { field: "cursor", code: "cursor.invalid", message: "Start again from the first page." },
  ]);
}

/** The roster in memory: a conditional create and a versioned update, each with its audit entries. */
export class FakeOfficerStore implements OfficerStore {
  readonly officers = new Map<string, Officer>();
  constructor(
    private readonly audit = new FakeAuditStore(),
    private readonly journal: Journal = [],
  ) {}

  async get(nrp: string) {
    await tick();
    const officer = this.officers.get(nrp);
    return officer && copy(officer);
  }

  async list() {
    await tick();
    return [...this.officers.values()].sort((a, b) => (a.nrp < b.nrp ? -1 : 1)).map(copy);
  }

  async create(officer: Officer, audit: readonly AuditEntry[]) {
    this.journal.push(`officers.create ${officer.nrp}`);
    await tick();
    if (this.officers.has(officer.nrp)) return false;
    this.audit.append(audit);
    this.officers.set(officer.nrp, copy(officer));
    return true;
  }

  async update(next: Officer, expectedVersion: number, audit: readonly AuditEntry[]) {
    this.journal.push(`officers.update ${next.nrp}`);
    await tick();
    if (this.officers.get(next.nrp)?.version !== expectedVersion) return "stale" as const;
    this.audit.append(audit);
    this.officers.set(next.nrp, copy(next));
    return "updated" as const;
  }
}
