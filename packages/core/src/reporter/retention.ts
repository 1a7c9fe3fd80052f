import { DISCARDED } from "../abuse/form";
import { type AuditEntry, auditSubject } from "../audit/types";
import { isClosed } from "../report/status";
import type { ReportStore } from "../report/store";
import type { Report } from "../report/types";

/**
 * The reporter's data lifecycle (UU PDP: purpose limitation and retention limits). Her name, phone,
 * contact preferences and exact location are kept while the report is worked, then erased a number of
 * days after it closes (the Polres decides; 90 by default), or at once when she asks from her own view
 * (code plus secret). Nothing else of the report changes, so statistics stay the same. Each erasure is
 * audited as `contact_erased`, with no values.
 *
 * When a report closes (resolved, rejected, a duplicate, or discarded as spam from quarantine) with a
 * contact, a `ContactRetention` item is written in the same transaction. The daily job reads those items
 * oldest first, so it never scans reports. It drops an item whose report reopened (closing it again
 * writes a new one) or whose contact the reporter already had erased: the public function, which serves
 * her, deletes nothing.
 */

/** The days a closed report keeps its reporter's contact, unless the stage sets another number. */
export const RETENTION_DAYS_DEFAULT = 90;

/** An erasure that will be due: the report and when it closed. */
export interface ContactRetention {
  reportId: string;
  closedAt: string;
}

/** The erasures due (the DynamoDB adapter: adapters/dynamo/report-store.ts). */
export interface RetentionStore {
  /** Items of reports closed at or before `closedBy`, earliest first. */
  due(closedBy: string, limit: number): Promise<ContactRetention[]>;
  /** Removes an item that no longer applies (the report reopened, or is gone). */
  drop(item: ContactRetention): Promise<void>;
}

/** True while Lapora still holds something that identifies or locates the reporter. */
export function holdsContact(report: Report): boolean {
  const { name, phone, preferences } = report.reporter;
  return Boolean(name || phone || preferences || report.location);
}

/** Closed for good, as far as retention goes: a final status, or discarded from quarantine as spam. */
export function isFinished(report: Report): boolean {
  return isClosed(report.status) || report.heldReason === DISCARDED;
}

/** The retention item a change that finishes `next` writes with it; undefined when there is nothing to erase. */
export function retentionFor(next: Report, at: Date): ContactRetention | undefined {
  if (!isFinished(next) || !holdsContact(next) || next.contactErasedAt) return undefined;
  return { reportId: next.reportId, closedAt: at.toISOString() };
}

/** The report without the reporter's name, phone, preferences and exact location: nothing else changes. */
export function eraseContact(report: Report, at: Date): Report {
  const { location: _location, ...rest } = report;
  const now = at.toISOString();
  return {
    ...rest,
    reporter: { anonymous: report.reporter.anonymous },
    contactErasedAt: now,
    version: report.version + 1,
    updatedAt: now,
  };
}

/** Who erased it: the retention job, or the reporter from her own view. */
export type ErasedBy = "retention" | "reporter";

function erasureEntry(report: Report, at: Date, by: ErasedBy): AuditEntry {
  const now = at.toISOString();
  return {
    subject: auditSubject.report(report.reportId),
    auditId: `${now}#contact_erased`,
    at: now,
    ...(by === "reporter"
      ? { actorNrp: "pelapor", actorRole: "reporter" as const }
      : { actorNrp: "system", actorRole: "system" as const }),
    action: "contact_erased",
    note: by === "reporter" ? "Atas permintaan pelapor." : "Masa simpan kontak berakhir.",
  };
}

/**
 * Erases the contact of `report` with its audit entry in one transaction; the job also drops the
 * retention item with it. Answers "stale" when the report changed since it was read (read it again).
 */
export async function eraseReporterContact(
  reports: Pick<ReportStore, "update">,
  report: Report,
  at: Date,
  by: ErasedBy,
): Promise<{ report: Report; outcome: "erased" | "stale" }> {
  const next = eraseContact(report, at);
  const also = by === "retention" ? { retention: "clear" as const } : {};
  const outcome = await reports.update(next, report.version, [erasureEntry(report, at, by)], also);
  return { report: next, outcome: outcome === "updated" ? "erased" : "stale" };
}

export interface RetentionDeps {
  reports: Pick<ReportStore, "getById" | "update">;
  retention: RetentionStore;
}

/** What one run of the retention job did. */
export interface RetentionRun {
  /** Reports whose contact was erased now. */
  erased: number;
  /** Items dropped: the report reopened, was already erased, or is gone. */
  dropped: number;
  /** Items left for the next run: the report changed while this one ran. */
  retried: number;
  /** Reports closed at or before this instant were due. */
  closedBy: string;
}

/**
 * The retention job (daily in AWS, hourly and on demand locally): erases the contact of every report
 * closed more than `days` days before `at`, page by page. A second run finds nothing to do.
 */
export async function runRetention(
  deps: RetentionDeps,
  at: Date,
  days: number = RETENTION_DAYS_DEFAULT,
  { pageSize = 200, maxPages = 50 } = {},
): Promise<RetentionRun> {
  const closedBy = new Date(at.getTime() - days * 86_400_000).toISOString();
  const run: RetentionRun = { erased: 0, dropped: 0, retried: 0, closedBy };
  for (let page = 0; page < maxPages; page++) {
    const before = run.erased + run.dropped;
    await runPage(deps, at, closedBy, pageSize, run);
    // Items left are only those that changed meanwhile (retried): the next run takes them.
    if (run.erased + run.dropped === before) break;
  }
  return run;
}

async function runPage(deps: RetentionDeps, at: Date, closedBy: string, limit: number, run: RetentionRun) {
  for (const item of await deps.retention.due(closedBy, limit)) {
    const report = await deps.reports.getById(item.reportId);
    if (!report || !isFinished(report) || !holdsContact(report) || report.contactErasedAt) {
      await deps.retention.drop(item);
      run.dropped++;
      continue;
    }
    const { outcome } = await eraseReporterContact(deps.reports, report, at, "retention");
    if (outcome === "erased") run.erased++;
    else run.retried++;
  }
}

/** Reads `RETENTION_DAYS` (or `LAPORA_RETENTION_DAYS` locally): whole days from 1 to 3650. */
export function parseRetentionDays(raw: string | undefined, name = "RETENTION_DAYS"): number {
  if (raw === undefined || raw.trim() === "") return RETENTION_DAYS_DEFAULT;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new Error(`${name} must be a whole number of days from 1 to 3650, not "${raw}".`);
  }
  return days;
}
