import { DISCARDED, type HoldReason } from "../abuse/form";
import { canReviewQuarantine, ensure } from "../access/policy";
import type { AuditEntry } from "../audit/types";
import { auditSubject } from "../audit/types";
import { ConflictError, NotFoundError } from "../errors";
import type { Officer } from "../officer/types";
import { type ContactRetention, retentionFor } from "../reporter/retention";
import type { ReportStore } from "./store";
import type { Report } from "./types";

/**
 * The quarantine: reports accepted but held for SPKT's review, because a bot trap caught the form or the
 * source sent more than its soft limit (abuse/admission.ts). A held report alerts no one, is in no
 * queue, escalation or statistic, and its tracking page says `diterima` like any other. SPKT lists them,
 * releases the real ones (their alerts go out then, exactly as a new report's) and discards spam; both
 * are audited. Held darurat reports are never silently lost: SPKT gets a summary (summariseHeldDarurat).
 */

/** One row of SPKT's list: what is needed to judge it at a glance, nothing about the reporter. */
export interface HeldReport {
  reportId: string;
  trackingCode: string;
  category: Report["category"];
  priority: Report["priority"];
  kecamatan: string;
  desa: string;
  createdAt: string;
  reason: HoldReason;
}

/** A summary alert to SPKT: `count` darurat reports held since the last one. */
export interface HeldSummary {
  summaryId: string;
  count: number;
  at: string;
  /** The newest held report counted: the next summary counts only later ones. */
  upTo: string;
}

export interface QuarantineStore {
  /** Held reports, oldest first, one page; `cursor` is null on the last page. */
  list(limit: number, cursor?: string): Promise<{ items: HeldReport[]; cursor: string | null }>;
  /**
   * Replaces the held report with `next` (released: no heldReason, so back in the indexes) if still at
   * `expectedVersion` and still held, drops its hold item, writes the release item the stream turns into
   * its alerts, and the audit entry, in one transaction.
   */
  release(next: Report, expectedVersion: number, audit: AuditEntry): Promise<"done" | "stale">;
  /** Marks the held report discarded (it stays out of every index) and drops its hold item, with the audit entry. */
  discard(
    next: Report,
    expectedVersion: number,
    audit: AuditEntry,
    retention?: ContactRetention,
  ): Promise<"done" | "stale">;
  /** Held darurat reports created after `afterIso` up to `toIso`: how many, and the newest one's time. */
  heldDarurat(afterIso: string, toIso: string): Promise<{ count: number; newest?: string }>;
  /** When the last summary went (and up to which report it counted). */
  lastSummary(): Promise<{ lastAt: string; upTo: string } | undefined>;
  /** Writes the summary (the stream alerts SPKT) unless another run wrote one since `previousAt`. */
  recordSummary(summary: HeldSummary, previousAt: string | undefined): Promise<boolean>;
}

export interface QuarantineDeps {
  reports: ReportStore;
  quarantine: QuarantineStore;
  now?: () => Date;
}

/** The most rows one page of the list holds. */
export const QUARANTINE_PAGE = 50;

export async function listHeld(deps: QuarantineDeps, officer: Officer, cursor?: string) {
  ensure(canReviewQuarantine(officer), "Only the duty desk (SPKT) reviews held reports.");
  return deps.quarantine.list(QUARANTINE_PAGE, cursor);
}

async function heldReport(deps: QuarantineDeps, officer: Officer, reportId: string): Promise<Report> {
  ensure(canReviewQuarantine(officer), "Only the duty desk (SPKT) reviews held reports.");
  const report = await deps.reports.getById(reportId);
  if (!report) throw new NotFoundError("No report has this id.");
  if (report.heldReason === undefined || report.heldReason === DISCARDED) {
    throw new ConflictError("This report is not held for review.");
  }
  return report;
}

function entry(officer: Officer, report: Report, at: string, action: string, note: string): AuditEntry {
  return {
    subject: auditSubject.report(report.reportId),
    auditId: `${at}#${action}`,
    at,
    actorNrp: officer.nrp,
    actorRole: officer.role,
    action,
    ...(report.heldReason ? { from: report.heldReason } : {}),
    note,
  };
}

/** Releases a held report: it becomes an ordinary new report, and its alerts go out once. */
export async function releaseHeld(deps: QuarantineDeps, officer: Officer, reportId: string) {
  const report = await heldReport(deps, officer, reportId);
  const at = (deps.now?.() ?? new Date()).toISOString();
  const { heldReason: _r, heldAt: _a, ...rest } = report;
  const next: Report = { ...rest, releasedAt: at, updatedAt: at, version: report.version + 1 };
  const audit = entry(officer, report, at, "released", "Dilepas dari karantina; peringatan dikirim.");
  if ((await deps.quarantine.release(next, report.version, audit)) === "stale") {
    throw new ConflictError("Someone else changed this report first: reload it.");
  }
  return { id: reportId, released: true as const };
}

/** Discards a held report as spam: it stays out of every queue and statistic, and no alert is sent. */
export async function discardHeld(deps: QuarantineDeps, officer: Officer, reportId: string) {
  const report = await heldReport(deps, officer, reportId);
  const at = (deps.now?.() ?? new Date()).toISOString();
  const next: Report = { ...report, heldReason: DISCARDED, updatedAt: at, version: report.version + 1 };
  const audit = entry(officer, report, at, "discarded", "Dibuang sebagai spam dari karantina.");
  // Spam or not, a discarded report's contact goes after the same retention days as a closed one's.
  if (
    (await deps.quarantine.discard(next, report.version, audit, retentionFor(next, new Date(at)))) === "stale"
  ) {
    throw new ConflictError("Someone else changed this report first: reload it.");
  }
  return { id: reportId, discarded: true as const };
}

/** SPKT hears of held darurat reports at most once per this many minutes, however many arrive. */
export const HELD_SUMMARY_MINUTES = 15;

/**
 * Run every minute (with the escalation job): when darurat reports were held since the last summary and
 * that summary is at least HELD_SUMMARY_MINUTES old, writes one summary ("N laporan darurat ditahan")
 * that the stream sends to SPKT. Racing runs write one: the write is conditional on the last one.
 */
export async function summariseHeldDarurat(
  store: QuarantineStore,
  now = new Date(),
  lookbackHours = 24,
): Promise<HeldSummary | null> {
  const last = await store.lastSummary();
  if (last && now.getTime() - Date.parse(last.lastAt) < HELD_SUMMARY_MINUTES * 60_000) return null;
  const from = last?.upTo ?? new Date(now.getTime() - lookbackHours * 3_600_000).toISOString();
  const { count, newest } = await store.heldDarurat(from, now.toISOString());
  if (count === 0 || !newest) return null;
  const at = now.toISOString();
  const summary = { summaryId: at, count, at, upTo: newest };
  return (await store.recordSummary(summary, last?.lastAt)) ? summary : null;
}
