import * as z from "zod/mini";
import { ACTION_STATUS } from "../access/policy";
import { type AuditEntry, auditSubject } from "../audit/types";
import { ConflictError } from "../errors";
import { Nrp } from "../officer/nrp";
import type { Actor } from "../officer/types";
import { PRIORITIES } from "./priority";
import { isClosed, type Status, transition } from "./status";
import type { Report, TimelineEntry } from "./types";

const note = z
  .pipe(
    z.string(),
    z.transform((s) => s.trim()),
  )
  .check(z.minLength(1), z.maxLength(1000));
const version = z.number().check(z.int(), z.positive());

/** The body of `POST /api/officer/reports/{id}/actions`: one step, with the version it was read at. */
export const TriageCommand = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("verify"), version, publicNote: z.optional(note) }),
  z.strictObject({
    action: z.literal("setPriority"),
    version,
    priority: z.enum(PRIORITIES),
    note: z.optional(note),
  }),
  z.strictObject({
    action: z.literal("assign"),
    version,
    assignee: Nrp,
  }),
  z.strictObject({ action: z.literal("start"), version, publicNote: z.optional(note) }),
  z.strictObject({ action: z.literal("resolve"), version, note, publicNote: z.optional(note) }),
  z.strictObject({ action: z.literal("reject"), version, note, publicNote: z.optional(note) }),
  z.strictObject({
    action: z.literal("duplicate"),
    version,
    duplicateOf: z.string(),
    note: z.optional(note),
  }),
  z.strictObject({ action: z.literal("note"), version, note, public: z.boolean() }),
]);
export type TriageCommand = z.output<typeof TriageCommand>;

const seconds = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);

/**
 * Applies one officer step to a report, purely: returns the next report (version + 1) and the audit
 * entries to write with it in one transaction. Status changes go through the lifecycle in status.ts;
 * a step it does not allow is a ConflictError. Response times are stamped here, once.
 */
export function applyCommand(
  report: Report,
  cmd: TriageCommand,
  actor: Actor,
  at: Date,
  rand = () => Math.random().toString(36).slice(2, 10),
) {
  const now = at.toISOString();
  const audit = (action: string, from?: string, to?: string, text?: string): AuditEntry => ({
    subject: auditSubject.report(report.reportId),
    auditId: `${now}#${rand()}`,
    at: now,
    actorNrp: actor.nrp,
    actorRole: actor.role,
    action,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(text !== undefined ? { note: text } : {}),
  });
  const next: Report = {
    ...report,
    timeline: [...report.timeline],
    version: report.version + 1,
    updatedAt: now,
  };
  const entries: AuditEntry[] = [];
  const publicEntry = (status: Status, text?: string): TimelineEntry =>
    text ? { at: now, status, note: text } : { at: now, status };

  switch (cmd.action) {
    case "verify":
    case "start":
    case "resolve":
    case "reject":
    case "duplicate": {
      const to = transition(report.status, ACTION_STATUS[cmd.action]);
      next.status = to;
      const internal = "note" in cmd ? cmd.note : undefined;
      const publicNote = "publicNote" in cmd ? cmd.publicNote : undefined;
      if (cmd.action === "duplicate") next.duplicateOf = cmd.duplicateOf;
      if (report.status === "diterima") {
        next.acknowledgedAt = now;
        next.secondsToAcknowledge = seconds(report.createdAt, now);
      }
      if (to === "selesai") {
        next.resolvedAt = now;
        next.secondsToResolve = seconds(report.createdAt, now);
      }
      next.timeline.push(publicEntry(to, publicNote));
      entries.push(audit(cmd.action, report.status, to, internal));
      if (publicNote) entries.push(audit("public_note", undefined, undefined, publicNote));
      break;
    }
    case "setPriority":
    case "assign": {
      if (isClosed(report.status))
        throw new ConflictError(`A report that is ${report.status} cannot be changed.`);
      if (cmd.action === "setPriority") {
        next.priority = cmd.priority;
        entries.push(audit("set_priority", report.priority, cmd.priority, cmd.note));
      } else {
        next.assignee = cmd.assignee;
        entries.push(audit("assign", report.assignee, cmd.assignee));
      }
      break;
    }
    case "note": {
      if (cmd.public) next.timeline.push(publicEntry(report.status, cmd.note));
      entries.push(audit(cmd.public ? "public_note" : "internal_note", undefined, undefined, cmd.note));
      break;
    }
  }
  return { report: next, audit: entries };
}
