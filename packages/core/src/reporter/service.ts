import { ConflictError } from "../errors";
import { MAX_PHOTOS } from "../evidence/rules";
import { parsePhotoRequest } from "../evidence/schema";
import { type EvidenceDeps, issueForms } from "../evidence/uploads";
import { countPhotos } from "../evidence/viewing";
import type { ReportStore } from "../report/store";
import type { Report } from "../report/types";
import { authenticateReporter, type ReporterAccessDeps, type ReporterClaim } from "./access";
import { giveSay } from "./closure";
import { eraseReporterContact, holdsContact } from "./retention";
import { replyAsReporter } from "./thread";
import { type ReporterReportView, toReporterView } from "./view";

/** What the reporter's own routes need: proof of code and secret, the thread, and the photo uploads. */
export interface ReporterDeps extends ReporterAccessDeps {
  reports: Pick<ReportStore, "getByTrackingCode" | "update">;
  evidence: EvidenceDeps;
}

async function viewOf(deps: ReporterDeps, report: Report): Promise<ReporterReportView> {
  const [photos, messages, slots] = await Promise.all([
    countPhotos(deps.evidence.store, report.reportId),
    deps.reporter.messages(report.reportId),
    deps.evidence.store.listSlots(report.reportId),
  ]);
  const view = toReporterView(report, photos, messages);
  return { ...view, photosRemaining: Math.max(0, MAX_PHOTOS - slots.length) };
}

/** `GET /api/reports/track/{code}/reporter`: the reporter's own view of their report. */
export async function reporterView(deps: ReporterDeps, claim: ReporterClaim): Promise<ReporterReportView> {
  return viewOf(deps, await authenticateReporter(deps, claim));
}

/** `POST …/reporter/messages`: the reporter writes in the thread; answers with the view, thread and all. */
export async function reporterReply(
  deps: ReporterDeps,
  claim: ReporterClaim,
  body: unknown,
  at = new Date(),
): Promise<ReporterReportView> {
  const report = await authenticateReporter(deps, claim);
  await replyAsReporter(deps.reporter, report, body, at);
  return viewOf(deps, report);
}

/**
 * `POST …/reporter/say`: the reporter's say about their resolved report; "belum" within 14 days reopens
 * it to its officer (reporter/closure.ts). Answers with the view.
 */
export async function reporterSay(deps: ReporterDeps, claim: ReporterClaim, body: unknown, at = new Date()) {
  const report = await authenticateReporter(deps, claim);
  const { report: next } = await giveSay(deps.reports, report, body, at);
  return viewOf(deps, next);
}

/**
 * `POST …/reporter/evidence`: upload forms for photos the reporter adds later, through the same checked
 * path as the first ones (the evidence-uploaded Lambda checks each file), 5 photos per report in all.
 */
export async function reporterPhotoForms(
  deps: ReporterDeps,
  claim: ReporterClaim,
  body: unknown,
  at = new Date(),
) {
  const request = parsePhotoRequest(body);
  const report = await authenticateReporter(deps, claim);
  return issueForms(deps.evidence, report.reportId, request, at);
}

/**
 * `POST …/reporter/erase-contact`: erases the reporter's name, phone, contact wishes and exact location
 * now, whatever the report's status (reporter/retention.ts), audited as `contact_erased`. Asking again
 * changes nothing. Answers with the view.
 */
export async function reporterEraseContact(deps: ReporterDeps, claim: ReporterClaim, at = new Date()) {
  let report: Report | undefined = await authenticateReporter(deps, claim);
  for (let attempt = 0; report && attempt < 3; attempt++) {
    if (!holdsContact(report)) return viewOf(deps, report);
    const erased = await eraseReporterContact(deps.reports, report, at, "reporter");
    if (erased.outcome === "erased") return viewOf(deps, erased.report);
    report = await deps.reports.getByTrackingCode(report.trackingCode); // changed meanwhile: read it again
  }
  throw new ConflictError("The report is changing just now; try again in a moment.");
}
