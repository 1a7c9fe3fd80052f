import * as z from "zod/mini";
import { CATEGORIES } from "../report/category";
import { PRIORITIES } from "../report/priority";
import { type Alert, ESCALATION_LEVELS, heldSummaryAlert } from "./types";

/** The entities whose insertion is an alert. */
const ALERTING = ["report", "escalation", "release", "heldSummary", "reopen"] as const;

/**
 * Which table stream records are alerts: inserted reports not held in quarantine, escalations, releases
 * from quarantine, summaries of held darurat reports and reopenings by reporters (ElectroDB names an item's entity in `__edb_e__`).
 * One pattern, in Lambda's event-filter syntax, used by the event source mapping in AWS and by the local
 * poller, so both hand report-events the same records: a flood held in quarantine never even invokes it.
 */
export const STREAM_FILTER = {
  eventName: ["INSERT"],
  dynamodb: { NewImage: { __edb_e__: { S: ALERTING }, heldReason: { S: [{ exists: false }] } } },
} as const;

/**
 * True when `value` matches a Lambda event-filter `pattern`: a list means any of its values, and
 * `{ exists: false }` in one matches a field that is absent (`{ exists: true }` one that is present).
 */
export function matchesFilter(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.some((p) => matchesFilter(p, value));
  if (pattern && typeof pattern === "object" && "exists" in pattern) {
    return (value !== undefined) === (pattern as { exists: boolean }).exists;
  }
  if (pattern && typeof pattern === "object") {
    // A missing parent is a missing field: `{ exists: false }` below it still matches.
    const fields = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
    return Object.entries(pattern).every(([k, p]) => matchesFilter(p, fields[k]));
  }
  return pattern === value;
}

const source = {
  reportId: z.string().check(z.minLength(1)),
  trackingCode: z.string().check(z.minLength(1)),
  category: z.enum(CATEGORIES),
  priority: z.enum(PRIORITIES),
  kecamatan: z.string(),
  desa: z.string(),
};
const ReportImage = z.object({
  __edb_e__: z.literal("report"),
  heldReason: z.optional(z.string()),
  test: z.optional(z.boolean()),
  ...source,
});
const ReleaseImage = z.object({ __edb_e__: z.literal("release"), ...source });
const SummaryImage = z.object({
  __edb_e__: z.literal("heldSummary"),
  summaryId: z.string().check(z.minLength(1)),
  count: z.number().check(z.int(), z.positive()),
});
const EscalationImage = z.object({
  __edb_e__: z.literal("escalation"),
  ...source,
  level: z.enum(ESCALATION_LEVELS),
  waitedMinutes: z.number(),
});
const ReopenImage = z.object({
  __edb_e__: z.literal("reopen"),
  ...source,
  round: z.number().check(z.int(), z.positive()),
  assignee: z.optional(z.string()),
});
const Image = z.discriminatedUnion("__edb_e__", [
  ReportImage,
  EscalationImage,
  ReleaseImage,
  SummaryImage,
  ReopenImage,
]);

/**
 * The alert an inserted item calls for, from its unmarshalled new image: `baru` for a report (unless held
 * in quarantine, or a smoke test's: report/smoke-test.ts) or a release from quarantine, the escalation step for an escalation, `ditahan` for a
 * summary of held darurat reports, null for anything else. A malformed item of those kinds throws.
 */
export function alertFromImage(image: Record<string, unknown>): Alert | null {
  if (!(ALERTING as readonly unknown[]).includes(image.__edb_e__)) return null;
  const item = Image.parse(image);
  if (item.__edb_e__ === "heldSummary") return heldSummaryAlert(item.summaryId, item.count);
  if (item.__edb_e__ === "report" && (item.heldReason !== undefined || item.test === true)) return null;
  const { reportId, trackingCode, category, priority, kecamatan, desa } = item;
  const base = { reportId, trackingCode, category, priority, kecamatan, desa };
  if (item.__edb_e__ === "reopen")
    return {
      ...base,
      kind: "dibuka-kembali",
      round: item.round,
      ...(item.assignee ? { assignee: item.assignee } : {}),
    };
  return item.__edb_e__ === "escalation"
    ? { ...base, kind: `eskalasi-${item.level}`, waitedMinutes: item.waitedMinutes }
    : { ...base, kind: "baru" };
}
