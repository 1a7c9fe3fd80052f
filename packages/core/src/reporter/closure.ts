import * as z from "zod/mini";
import { type AuditEntry, auditSubject } from "../audit/types";
import { ConflictError } from "../errors";
import { cleanText, textLength } from "../report/input";
import type { ReportStore } from "../report/store";
import type { ReopenRecord, Report, ReporterFeedback } from "../report/types";
import { parseOrThrow } from "../validation";

/** How long after resolution a reporter's "belum" reopens the report. */
export const REOPEN_WITHIN_DAYS = 14;

/** The reporter's say when the report was resolved: "Apakah masalah Anda sudah tertangani?" */
export const ClosureInput = z.strictObject({
  satisfied: z.boolean({ error: "Answer yes or no." }),
  rating: z
    .number({ error: "Give 1 to 5 stars." })
    .check(z.int("Give 1 to 5 stars."), z.minimum(1), z.maximum(5)),
  comment: z.optional(
    z
      .pipe(z.string(), z.transform(cleanText))
      .check(z.refine((s) => textLength(s) <= 500, "At most 500 characters.")),
  ),
});

/** Whether the reporter may give their say now: the report is resolved and they have not answered since. */
export function asksForSay(report: Pick<Report, "status" | "resolvedAt" | "feedback">): boolean {
  return (
    report.status === "selesai" &&
    !!report.resolvedAt &&
    !(report.feedback && report.feedback.at >= report.resolvedAt)
  );
}

/**
 * Records the reporter's say about a resolved report (proven by code and secret). "Belum" (not solved)
 * within 14 days of resolution reopens it: back to `ditangani` with the officer it was assigned to, with a
 * public step on the timeline, audited, and alerted to that officer like an escalation (the reopening's
 * record goes to the stream). Later, it is recorded without reopening. One say per resolution.
 */
export async function giveSay(
  reports: Pick<ReportStore, "update">,
  report: Report,
  body: unknown,
  at = new Date(),
): Promise<{ report: Report; reopened: boolean }> {
  const input = parseOrThrow(ClosureInput, body);
  if (!asksForSay(report)) {
    throw new ConflictError(
      "This report is not waiting for your answer: it is not resolved, or you already answered.",
    );
  }
  const now = at.toISOString();
  const feedback: ReporterFeedback = {
    satisfied: input.satisfied,
    rating: input.rating,
    ...(input.comment ? { comment: input.comment } : {}),
    at: now,
  };
  const resolvedAt = report.resolvedAt ?? now;
  const reopen = !input.satisfied && at.getTime() - Date.parse(resolvedAt) <= REOPEN_WITHIN_DAYS * 86_400_000;
  const entry = (action: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
    subject: auditSubject.report(report.reportId),
    auditId: `${now}#${action}`,
    at: now,
    actorNrp: "pelapor",
    actorRole: "reporter",
    action,
    ...extra,
  });
  // The audit keeps the answer and the stars; the comment is the reporter's own words, kept on the report.
  const audit = [
    entry("reporter_feedback", { to: `${input.satisfied ? "sudah" : "belum"}, ${input.rating}/5` }),
  ];
  const round = (report.reopenCount ?? 0) + 1;
  if (reopen) audit.push(entry("reopened", { from: "selesai", to: "ditangani" }));
  const { resolvedAt: _r, secondsToResolve: _s, ...unresolved } = report;
  const next: Report = reopen
    ? {
        ...unresolved,
        feedback,
        status: "ditangani",
        reopenCount: round,
        reopenedAt: now,
        version: report.version + 1,
        updatedAt: now,
        timeline: [
          ...report.timeline,
          {
            at: now,
            status: "ditangani",
            note: "Dibuka kembali: pelapor menyatakan masalahnya belum tertangani.",
          },
        ],
      }
    : { ...report, feedback, version: report.version + 1, updatedAt: now };
  // A reopening's record goes to the stream with the change: the alert to the report's officer.
  const record: ReopenRecord | undefined = reopen
    ? {
        reportId: report.reportId,
        round,
        trackingCode: report.trackingCode,
        category: report.category,
        priority: report.priority,
        kecamatan: report.kecamatan,
        desa: report.desa,
        ...(report.assignee ? { assignee: report.assignee } : {}),
        at: now,
      }
    : undefined;
  // Open again: its retention item stays, and the job drops it if it is still open when due; closing it
  // again writes a new one (reporter/retention.ts).
  if ((await reports.update(next, report.version, audit, record ? { reopen: record } : {})) === "stale")
    throw stale();
  return { report: next, reopened: reopen };
}

const stale = () => new ConflictError("The report changed just now; reload and answer again.");
