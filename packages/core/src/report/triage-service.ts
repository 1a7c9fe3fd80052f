import {
  canAct,
  canBeAssigned,
  canSeeReporterContact,
  ensure,
  ensureCanRead,
  scopeOf,
} from "../access/policy";
import type { AuditStore } from "../audit/store";
import { auditSubject } from "../audit/types";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import type { OfficerStore } from "../officer/store";
import type { Officer } from "../officer/types";
import { findDesa, findKecamatan } from "../region/region";
import { retentionFor } from "../reporter/retention";
import { updateFor } from "../reporter/updates";
import { WIB_OFFSET_MS } from "../time";
import type { QueueParams, QueueQuery } from "./queue";
import { OPEN_STATUSES } from "./status";
import type { ReportStore } from "./store";
import * as TrackingCode from "./tracking-code";
import { applyCommand, type TriageCommand } from "./triage";
import type { Report } from "./types";

export interface TriageStores {
  reports: ReportStore;
  officers: OfficerStore;
  audit: AuditStore;
}

/** A queue row: enough to triage, nothing about the reporter. */
export type ReportSummary = Omit<Report, "reporter" | "location" | "description" | "timeline"> & {
  excerpt: string;
};

function summarise({
  reporter: _r,
  location: _l,
  description,
  timeline: _t,
  ...rest
}: Report): ReportSummary {
  return { ...rest, excerpt: description.length > 140 ? `${description.slice(0, 140)}…` : description };
}

/** The status changes a reporter hears of by SMS, if they asked: not assignment, priority or notes. */
const NEWS_STATUSES = ["diverifikasi", "selesai", "ditolak"] as const;

const forbidden = () => new ForbiddenError("This report is outside your area or role.");
const wibStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS).toISOString();

/**
 * Turns an officer's queue request into a GSI query within their scope. A Kapolsek is held to their
 * kecamatan, a Bhabinkamtibmas to their desa (and reports assigned to them); asking outside is Forbidden.
 */
export function planQueue(officer: Officer, p: QueueParams, now = new Date()): QueueQuery {
  const desaKecamatan = p.desa ? findDesa(p.desa)?.kecamatan.code : undefined;
  if (p.desa && !desaKecamatan)
    throw new ValidationError("Unknown desa.", [
      { field: "desa", code: "desa.invalid", message: "Unknown desa." },
    ]);
  if (p.kecamatan && !findKecamatan(p.kecamatan)) {
    throw new ValidationError("Unknown kecamatan.", [
      { field: "kecamatan", code: "kecamatan.invalid", message: "Unknown kecamatan." },
    ]);
  }
  if (p.sort === "urgent" && p.status && !OPEN_STATUSES.includes(p.status)) {
    const message = "Most-urgent-first lists open reports only: diterima, diverifikasi or ditangani.";
    throw new ValidationError(message, [{ field: "status", code: "status.not_open", message }]);
  }
  if (p.kecamatan && desaKecamatan && p.kecamatan !== desaKecamatan) {
    const message = "This desa is not in the chosen kecamatan.";
    throw new ValidationError(message, [{ field: "desa", code: "desa.not_in_kecamatan", message }]);
  }
  let kecamatan = p.kecamatan ?? desaKecamatan;
  let within: QueueQuery["within"];
  const scope = scopeOf(officer);
  if (scope.kind !== "all") {
    if (kecamatan && kecamatan !== scope.kecamatan) throw forbidden();
    kecamatan = scope.kecamatan;
    if (scope.kind === "desa") {
      if (p.desa && !scope.desa.includes(p.desa)) throw forbidden();
      within = { desa: scope.desa, assignee: scope.assignee };
    }
  }
  const next = (day: string) =>
    wibStart(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
  return {
    index: p.sort === "urgent" ? "urgent" : kecamatan ? "area" : "all",
    ...(kecamatan ? { kecamatan } : {}),
    ...(p.status ? { status: p.status } : {}),
    ...(p.priority ? { priority: p.priority } : {}),
    ...(p.desa ? { desa: p.desa } : {}),
    ...(within ? { within } : {}),
    ...(p.from ? { fromIso: wibStart(p.from) } : {}),
    ...(p.to ? { toIso: next(p.to) } : {}),
    ...(p.overdue ? { overdueAt: now.toISOString() } : {}),
    limit: p.limit,
    ...(p.cursor ? { cursor: p.cursor } : {}),
  };
}

/** One page of the officer's queue. */
export async function listQueue(stores: TriageStores, officer: Officer, params: QueueParams) {
  const page = await stores.reports.queue(planQueue(officer, params));
  return { items: page.items.map(summarise), cursor: page.cursor };
}

/** A report by id, or by tracking code: an SMS alert links to `/konsol/laporan/{code}` to stay short. */
export async function load(
  stores: { reports: Pick<ReportStore, "getById" | "getByTrackingCode"> },
  officer: Officer,
  reportId: string,
) {
  const code = TrackingCode.parse(reportId);
  const report = code.ok
    ? await stores.reports.getByTrackingCode(code.code)
    : await stores.reports.getById(reportId);
  if (!report) throw new NotFoundError("No such report.");
  ensureCanRead(officer, report);
  return report;
}

/**
 * A report as an officer sees it. Roles that call reporters back get the contact, and every such view
 * is written to the audit trail before the contact leaves the server. Coordinates are shown to all officers.
 */
export async function getDetail(stores: TriageStores, officer: Officer, reportId: string, at = new Date()) {
  const report = await load(stores, officer, reportId);
  if (report.reporter.anonymous || !canSeeReporterContact(officer)) return withoutContact(report);
  const now = at.toISOString();
  await stores.audit.record({
    subject: auditSubject.report(report.reportId),
    auditId: `${now}#${Math.random().toString(36).slice(2, 10)}`,
    at: now,
    actorNrp: officer.nrp,
    actorRole: officer.role,
    action: "view_reporter_contact",
  });
  return report;
}

/** The report with the reporter reduced to whether they are anonymous. */
export function withoutContact(report: Report): Report {
  return { ...report, reporter: { anonymous: report.reporter.anonymous } };
}

/** Applies one triage step for an officer, with optimistic concurrency on `cmd.version`. */
export async function act(
  stores: TriageStores,
  officer: Officer,
  reportId: string,
  cmd: TriageCommand,
  at = new Date(),
) {
  const report = await load(stores, officer, reportId);
  ensure(canAct(officer, cmd.action, report), `Your role may not ${cmd.action} this report.`);
  if (report.version !== cmd.version)
    throw new ConflictError("The report was changed by someone else; reload and try again.");
  if (cmd.action === "assign") {
    const assignee = await stores.officers.get(cmd.assignee);
    if (!assignee || !canBeAssigned(assignee, report)) {
      const message = "Assign to an active officer who covers this report's area.";
      throw new ValidationError(message, [{ field: "assignee", code: "assignee.invalid", message }]);
    }
  }
  if (cmd.action === "duplicate") {
    const code = TrackingCode.parse(cmd.duplicateOf);
    const original = code.ok ? await stores.reports.getByTrackingCode(code.code) : undefined;
    if (!code.ok || !original || original.reportId === report.reportId) {
      const message = "Give the tracking code of another existing report.";
      throw new ValidationError(message, [{ field: "duplicateOf", code: "duplicateOf.invalid", message }]);
    }
    cmd = { ...cmd, duplicateOf: code.code };
  }
  const { report: next, audit } = applyCommand(report, cmd, officer, at);
  // Verified, resolved or rejected: news for a reporter who asked for SMS updates (the outbox, with it).
  const news = next.status !== report.status ? NEWS_STATUSES.find((s) => s === next.status) : undefined;
  const update = news ? updateFor(next, news, at) : undefined;
  // Closed now: the reporter's contact is erased RETENTION_DAYS later (reporter/retention.ts).
  const retention = next.status !== report.status ? retentionFor(next, at) : undefined;
  const also = { ...(update ? { update } : {}), ...(retention ? { retention } : {}) };
  if ((await stores.reports.update(next, report.version, audit, also)) === "stale") {
    throw new ConflictError("The report was changed by someone else; reload and try again.");
  }
  return withoutContact(next);
}

/** The audit trail of a report the officer may read, oldest first. */
export async function auditTrail(stores: TriageStores, officer: Officer, reportId: string) {
  const report = await load(stores, officer, reportId);
  return stores.audit.list(auditSubject.report(report.reportId));
}

/** Active officers who cover the report's area and can work it: the choices for "assign". */
export async function assignableOfficers(stores: TriageStores, officer: Officer, reportId: string) {
  const report = await load(stores, officer, reportId);
  ensure(canAct(officer, "assign", report), "Your role may not assign this report.");
  const roster = await stores.officers.list();
  return roster.filter((o) => canBeAssigned(o, report)).map(({ nrp, name, role }) => ({ nrp, name, role }));
}
