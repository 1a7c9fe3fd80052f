import type { Category } from "../report/category";
import type { Priority } from "../report/priority";

/**
 * Which alert a message is: a new report (`baru`, also when released from quarantine), one of the two
 * escalation steps of a report still unverified (first the Kapolsek of its kecamatan, then SPKT), each at
 * most once per report; SPKT's summary of darurat reports held in quarantine (`ditahan`), at most one
 * per 15 minutes; or a resolved report its reporter reopened (`dibuka-kembali`: "belum tertangani"), to the
 * officer it is assigned to (the Kapolsek of its kecamatan when nobody is), once per reopening.
 */
export const ALERT_KINDS = [
  "baru",
  "eskalasi-kapolsek",
  "eskalasi-spkt",
  "ditahan",
  "dibuka-kembali",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The escalation steps, in order. */
export const ESCALATION_LEVELS = ["kapolsek", "spkt"] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * What an alert is built from: only the report's public, routing-relevant fields. The reporter's name,
 * phone and description are not here, so no alert can carry them.
 */
export interface AlertSource {
  reportId: string;
  trackingCode: string;
  category: Category;
  priority: Priority;
  kecamatan: string;
  desa: string;
}

/** One alert to publish: its source, its kind, and for an escalation how long the report has waited. */
export interface Alert extends AlertSource {
  kind: AlertKind;
  /** Minutes since the report came in, for escalations. */
  waitedMinutes?: number;
  /** For `ditahan`: how many darurat reports were held since the last summary. */
  heldCount?: number;
  /** For `dibuka-kembali`: the officer the report is assigned to (none: its kecamatan's Kapolsek). */
  assignee?: string;
  /** For `dibuka-kembali`: which reopening of the report, so each one alerts once. */
  round?: number;
}

/** The kind an alert's exactly-once markers are kept under: a reopening counts each round apart. */
export const markerKind = (alert: Pick<Alert, "kind" | "round">): string =>
  alert.round === undefined ? alert.kind : `${alert.kind}-${alert.round}`;

/**
 * The summary alert of held darurat reports: not about one report, so its "report" is the summary's id
 * (the exactly-once marker's key) and it routes to SPKT by its kind alone.
 */
export function heldSummaryAlert(summaryId: string, count: number): Alert {
  return {
    kind: "ditahan",
    reportId: `ditahan-${summaryId}`,
    trackingCode: "-",
    category: "lainnya",
    priority: "darurat",
    kecamatan: "-",
    desa: "-",
    heldCount: count,
  };
}
