import { CATEGORIES, STATUSES } from "@lapora/core/browser";
import type { AnswerOf } from "@lapora/core/contract";
import { call } from "../lib/api";

/** The public view of a report (`GET /api/reports/track/{code}`), as the contract declares it. */
export type PublicReport = AnswerOf<"trackReport", 200>;

const isStatus = (s: unknown) => STATUSES.some((x) => x === s);

// The page renders labels by status and category: a value it does not know (an API ahead of this
// build) must become "could not load", not a crash.
function isPublicReport(r: unknown): r is PublicReport {
  if (typeof r !== "object" || r === null) return false;
  const v = r as Partial<Record<keyof PublicReport, unknown>>;
  return (
    typeof v.trackingCode === "string" &&
    isStatus(v.status) &&
    CATEGORIES.some((c) => c === v.category) &&
    Array.isArray(v.timeline) &&
    v.timeline.every(
      (e: { status?: unknown; at?: unknown }) => isStatus(e.status) && typeof e.at === "string",
    )
  );
}

export type TrackResult =
  | { kind: "ok"; report: PublicReport }
  | { kind: "not_found" }
  | { kind: "invalid"; reason: "format" | "checksum" }
  | { kind: "failed" };

/** The public view of a report, by its canonical tracking code. */
export async function fetchReport(code: string, signal?: AbortSignal): Promise<TrackResult> {
  const res = await call<unknown>("GET", `/api/reports/track/${encodeURIComponent(code)}`, { signal });
  if (res.kind === "ok" && isPublicReport(res.data)) return { kind: "ok", report: res.data };
  if (res.kind === "not_found") return { kind: "not_found" };
  if (res.kind !== "invalid") return { kind: "failed" };
  return {
    kind: "invalid",
    reason: res.details[0]?.code === "trackingCode.checksum" ? "checksum" : "format",
  };
}
