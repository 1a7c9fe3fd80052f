import { type AuditEntry, auditSubject } from "../audit/types";
import type { Officer } from "../officer/types";
import type { Priority } from "../report/priority";
import type { Report } from "../report/types";
import type { AckStore } from "./ack";
import { routeAlert } from "./route";
import type { Alert, AlertSource, EscalationLevel } from "./types";

/** Reports this urgent are escalated while nobody verifies them. */
export const ESCALATED_PRIORITIES: readonly Priority[] = ["darurat", "tinggi"];

export interface Escalation extends AlertSource {
  level: EscalationLevel;
  at: string;
  waitedMinutes: number;
}

export type OverdueReport = AlertSource & Pick<Report, "createdAt">;

/** The storage the escalation job needs. */
export interface EscalationStore {
  /** Reports of ESCALATED_PRIORITIES still `diterima`, created within [fromIso, toIso], from the open-reports index. */
  unverified(fromIso: string, toIso: string): Promise<OverdueReport[]>;
  /** Every open report (diterima, diverifikasi, ditangani) created since `fromIso`, for the daily digest. */
  open(fromIso: string): Promise<AlertSource[]>;
  /** The escalations a report already had. */
  levels(reportId: string): Promise<{ level: EscalationLevel; at: string }[]>;
  /** Writes the escalation with its audit entry, atomically; false when this level was already written. */
  record(escalation: Escalation, audit: AuditEntry): Promise<boolean>;
}

/**
 * The escalation step due now, if any: the Kapolsek once the report has waited `afterMs` unverified, then
 * SPKT once the Kapolsek has had as long again. Each step happens once.
 */
export function dueLevel(
  createdAt: string,
  done: readonly { level: EscalationLevel; at: string }[],
  now: Date,
  afterMs: number,
): EscalationLevel | null {
  const kapolsek = done.find((d) => d.level === "kapolsek");
  if (!kapolsek) return now.getTime() - Date.parse(createdAt) >= afterMs ? "kapolsek" : null;
  if (done.some((d) => d.level === "spkt")) return null;
  return now.getTime() - Date.parse(kapolsek.at) >= afterMs ? "spkt" : null;
}

export interface EscalationOptions {
  /** Minutes unverified before the first step, and between the steps (default 15). */
  afterMinutes: number;
  /** How far back to look: older unverified reports are the console's work, not an SMS's (default 24 h). */
  lookbackHours?: number;
  now?: Date;
  /**
   * True when an officer the report's alerts were routed to has acknowledged it (escalationRouting
   * gives this from the roster): then it does not escalate, though still unverified.
   */
  acknowledged?: (report: OverdueReport, level: EscalationLevel) => Promise<boolean>;
}

/**
 * Escalates every urgent report left unverified too long, one step per report per run, and records each
 * step in the report's audit trail. The SMS follows from the stream (report-events sees the new item).
 */
export async function escalateOverdue(store: EscalationStore, options: EscalationOptions) {
  const now = options.now ?? new Date();
  const afterMs = options.afterMinutes * 60_000;
  const from = new Date(now.getTime() - (options.lookbackHours ?? 24) * 3_600_000).toISOString();
  const candidates = await store.unverified(from, new Date(now.getTime() - afterMs).toISOString());
  const escalated: { reportId: string; level: EscalationLevel }[] = [];
  for (const report of candidates) {
    const level = dueLevel(report.createdAt, await store.levels(report.reportId), now, afterMs);
    if (!level) continue;
    if (await options.acknowledged?.(report, level)) continue;
    const { createdAt, ...source } = report;
    const at = now.toISOString();
    const waitedMinutes = Math.floor((now.getTime() - Date.parse(createdAt)) / 60_000);
    const written = await store.record(
      { ...source, level, at, waitedMinutes },
      {
        subject: auditSubject.report(report.reportId),
        auditId: `${at}#escalate-${level}`,
        at,
        actorNrp: "system",
        actorRole: "system",
        action: "escalated",
        to: level,
        note: `Belum diverifikasi setelah ${waitedMinutes} menit; SMS ke ${level === "kapolsek" ? "Kapolsek" : "SPKT"}.`,
      },
    );
    if (written) escalated.push({ reportId: report.reportId, level });
  }
  return { checked: candidates.length, escalated };
}

/**
 * Whether someone in the routed set acknowledged the report before its next escalation step: the
 * officers the `baru` alert went to, and for SPKT's step also those of the Kapolsek's step.
 */
export function acknowledgedByRouted(
  roster: () => Promise<Officer[]>,
  acks: Pick<AckStore, "acknowledgements">,
): NonNullable<EscalationOptions["acknowledged"]> {
  return async (report, level) => {
    const who = new Set((await acks.acknowledgements(report.reportId)).map((a) => a.nrp));
    if (who.size === 0) return false;
    const { createdAt: _c, ...source } = report;
    const kinds: Alert["kind"][] = level === "spkt" ? ["baru", "eskalasi-kapolsek"] : ["baru"];
    const officers = await roster();
    return kinds.some((kind) => routeAlert({ ...source, kind }, officers).some((o) => who.has(o.nrp)));
  };
}
