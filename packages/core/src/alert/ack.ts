import * as z from "zod/mini";
import { type AuditEntry, auditSubject } from "../audit/types";
import { ValidationError } from "../errors";
import type { Officer } from "../officer/types";
import type { ReportStore } from "../report/store";
import { load } from "../report/triage-service";

/**
 * An officer's acknowledgement of a report's alert ("Terima"): they have seen it and are on it. It goes
 * into the report's audit trail, stops the `tinggi` SMS follow-up to that officer, and a report that an
 * officer it was routed to has acknowledged does not escalate.
 */
export const ACK_VIA = ["notifikasi", "konsol"] as const;
export type AckVia = (typeof ACK_VIA)[number];

export interface Acknowledgement {
  reportId: string;
  nrp: string;
  at: string;
  via: AckVia;
}

export interface AckStore {
  /** Writes the acknowledgement with its audit entry, once per report and officer; false when it existed. */
  acknowledge(ack: Acknowledgement, audit: AuditEntry): Promise<boolean>;
  /** Who acknowledged the report, with when. */
  acknowledgements(reportId: string): Promise<Acknowledgement[]>;
}

/** `POST /api/officer/reports/{id}/ack`: where the officer acknowledged from. */
export const AckBody = z.strictObject({ via: z.enum(ACK_VIA) });

export interface AckDeps {
  reports: ReportStore;
  acks: AckStore;
  now?: () => Date;
}

/**
 * Records the signed-in officer's acknowledgement of a report they may read. Repeating it (a second tap,
 * a retry) changes nothing and answers the first one.
 */
export async function acknowledgeReport(deps: AckDeps, officer: Officer, reportId: string, body: unknown) {
  const parsed = AckBody.safeParse(body);
  if (!parsed.success) {
    const message = `via must be one of ${ACK_VIA.join(", ")}.`;
    throw new ValidationError(message, [{ field: "via", code: "via.invalid", message }]);
  }
  const report = await load(deps, officer, reportId);
  const at = (deps.now?.() ?? new Date()).toISOString();
  const ack: Acknowledgement = { reportId: report.reportId, nrp: officer.nrp, at, via: parsed.data.via };
  const first = await deps.acks.acknowledge(ack, {
    subject: auditSubject.report(report.reportId),
    auditId: `${at}#ack-${officer.nrp}`,
    at,
    actorNrp: officer.nrp,
    actorRole: officer.role,
    action: "acknowledged",
    note: parsed.data.via === "notifikasi" ? "Diterima dari notifikasi." : "Diterima di konsol.",
  });
  const mine = first
    ? ack
    : ((await deps.acks.acknowledgements(report.reportId)).find((a) => a.nrp === officer.nrp) ?? ack);
  return { acknowledgement: mine, first };
}
