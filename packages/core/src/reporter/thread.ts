import { randomUUID } from "node:crypto";
import * as z from "zod/mini";
import { canAskReporter, ensure } from "../access/policy";
import { type AuditEntry, auditSubject } from "../audit/types";
import { ConflictError } from "../errors";
import type { Officer } from "../officer/types";
import { cleanText, textLength } from "../report/input";
import type { ReportStore } from "../report/store";
import { load } from "../report/triage-service";
import type { Report } from "../report/types";
import { parseOrThrow } from "../validation";
import { MAX_THREAD_MESSAGES, type ReporterStore, type ThreadAuthor, type ThreadMessage } from "./types";
import { updateFor } from "./updates";

/** The body of a thread message, from an officer or the reporter: plain text, 1 to 1,000 characters. */
export const ThreadMessageInput = z.strictObject({
  text: z.pipe(z.string({ error: "Write the message as text." }), z.transform(cleanText)).check(
    z.refine((s) => textLength(s) >= 1, "Write a message."),
    z.refine((s) => textLength(s) <= 1000, "At most 1,000 characters."),
  ),
});

/** A message as the reporter sees it: who wrote it (an officer, never which one) and what. */
export interface ReporterThreadMessage {
  at: string;
  from: ThreadAuthor;
  text: string;
}

/** The thread as the reporter sees it, oldest first. */
export function forReporter(messages: readonly ThreadMessage[]): ReporterThreadMessage[] {
  return messages.map(({ at, from, text }) => ({ at, from, text }));
}

const newId = (at: string) => `${at}#${randomUUID().slice(0, 8)}`;

async function add(
  store: ReporterStore,
  report: Report,
  message: Omit<ThreadMessage, "reportId" | "messageId" | "at">,
  actor: Pick<AuditEntry, "actorNrp" | "actorRole">,
  at: Date,
): Promise<ThreadMessage[]> {
  const existing = await store.messages(report.reportId);
  if (existing.length >= MAX_THREAD_MESSAGES) {
    throw new ConflictError(`A report's thread holds at most ${MAX_THREAD_MESSAGES} messages.`);
  }
  const now = at.toISOString();
  const full: ThreadMessage = { ...message, reportId: report.reportId, messageId: newId(now), at: now };
  // The audit says who wrote which message, never what: the text stays in the thread alone.
  // An officer's question is news the reporter may have asked to hear of by SMS (never its text).
  const update = message.from === "officer" ? updateFor(report, "pertanyaan", at) : undefined;
  await store.addMessage(
    full,
    {
      subject: auditSubject.report(report.reportId),
      auditId: full.messageId,
      at: now,
      ...actor,
      action: message.from === "officer" ? "reporter_question" : "reporter_reply",
      to: full.messageId,
    },
    update,
  );
  return [...existing, full];
}

/** What the officers' side of the thread needs: the reports (to check access) and the thread. */
export interface ThreadDeps {
  reports: Pick<ReportStore, "getById" | "getByTrackingCode">;
  reporter: ReporterStore;
}

/** The thread of a report the officer may read (by id or tracking code), oldest first. */
export async function officerThread(deps: ThreadDeps, officer: Officer, reportId: string) {
  const report = await load(deps, officer, reportId);
  return deps.reporter.messages(report.reportId);
}

/** An officer who works the report asks its reporter something (`{ text }`); audited. The whole thread back. */
export async function askReporter(
  deps: ThreadDeps,
  officer: Officer,
  reportId: string,
  body: unknown,
  at = new Date(),
): Promise<ThreadMessage[]> {
  const report = await load(deps, officer, reportId);
  ensure(canAskReporter(officer, report), "Your role may not ask this report's reporter.");
  const { text } = parseOrThrow(ThreadMessageInput, body);
  const message = { from: "officer" as const, nrp: officer.nrp, role: officer.role, text };
  return add(deps.reporter, report, message, { actorNrp: officer.nrp, actorRole: officer.role }, at);
}

/** The reporter (already proven by code and secret) answers in the thread (`{ text }`); audited. */
export async function replyAsReporter(
  store: ReporterStore,
  report: Report,
  body: unknown,
  at = new Date(),
): Promise<ThreadMessage[]> {
  const { text } = parseOrThrow(ThreadMessageInput, body);
  return add(store, report, { from: "reporter", text }, { actorNrp: "pelapor", actorRole: "reporter" }, at);
}
