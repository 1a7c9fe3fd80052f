import * as z from "zod/mini";
import { CATEGORIES } from "../report/category";
import { PRIORITIES } from "../report/priority";
import { type Alert, ESCALATION_LEVELS } from "./types";

/**
 * Which table stream records are alerts: inserted reports and escalations (ElectroDB names an item's
 * entity in `__edb_e__`). One pattern, in Lambda's event-filter syntax, used by the event source mapping
 * in AWS and by the local poller, so both hand report-events the same records.
 */
export const STREAM_FILTER = {
  eventName: ["INSERT"],
  dynamodb: { NewImage: { __edb_e__: { S: ["report", "escalation"] } } },
} as const;

/** True when `value` matches a Lambda event-filter `pattern` (a list means any of its values). */
export function matchesFilter(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.some((p) => matchesFilter(p, value));
  if (pattern && typeof pattern === "object") {
    if (!value || typeof value !== "object") return false;
    return Object.entries(pattern).every(([k, p]) => matchesFilter(p, (value as Record<string, unknown>)[k]));
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
const ReportImage = z.object({ __edb_e__: z.literal("report"), ...source });
const EscalationImage = z.object({
  __edb_e__: z.literal("escalation"),
  ...source,
  level: z.enum(ESCALATION_LEVELS),
  waitedMinutes: z.number(),
});
const Image = z.discriminatedUnion("__edb_e__", [ReportImage, EscalationImage]);

/**
 * The alert an inserted item calls for, from its unmarshalled new image: `baru` for a report, the
 * escalation step for an escalation, null for anything else. A malformed report or escalation throws.
 */
export function alertFromImage(image: Record<string, unknown>): Alert | null {
  if (image.__edb_e__ !== "report" && image.__edb_e__ !== "escalation") return null;
  const item = Image.parse(image);
  const { reportId, trackingCode, category, priority, kecamatan, desa } = item;
  const base = { reportId, trackingCode, category, priority, kecamatan, desa };
  return item.__edb_e__ === "report"
    ? { ...base, kind: "baru" }
    : { ...base, kind: `eskalasi-${item.level}`, waitedMinutes: item.waitedMinutes };
}
