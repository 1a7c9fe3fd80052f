import { CATEGORIES } from "@lapora/core/report/category";
import type { PublicReportView } from "@lapora/core/report/public-view";
import { STATUSES } from "@lapora/core/report/status";
import type { SubmitReceipt } from "@lapora/core/report/types";
import type { UploadGrant } from "../form/photo-upload";

/** One bad field as the API names it, e.g. `{ field: "reporter.phone", code: "reporter.phone.invalid" }`. */
export interface FieldDetail {
  field: string;
  code: string;
  message: string;
}

/** The receipt, and the upload capability with a form per photo (absent from an older API). */
export type Receipt = SubmitReceipt & { uploads?: UploadGrant };
export type PublicReport = PublicReportView;

/** The `details` of an API error body, or none when the body is not the API's error shape. */
export async function errorDetails(res: Response): Promise<FieldDetail[]> {
  try {
    const body: unknown = await res.json();
    const details = (body as { details?: unknown }).details;
    if (!Array.isArray(details)) return [];
    return details.filter(
      (d): d is FieldDetail =>
        typeof d === "object" && d !== null && typeof d.field === "string" && typeof d.code === "string",
    );
  } catch {
    return [];
  }
}

const isStatus = (s: unknown) => STATUSES.some((x) => x === s);

// The page renders labels by status and category: a value it does not know (an API ahead of this
// build) must become "could not load", not a crash.
function isPublicReport(r: unknown): r is PublicReport {
  if (typeof r !== "object" || r === null) return false;
  const v = r as Partial<Record<keyof PublicReport, unknown>>;
  return (
    typeof v.trackingCode === "string" &&
    typeof v.description === "string" &&
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
  let res: Response;
  try {
    res = await fetch(`/api/reports/track/${encodeURIComponent(code)}`, {
      headers: { Accept: "application/json" },
      ...(signal ? { signal } : {}),
    });
  } catch {
    return { kind: "failed" };
  }
  if (res.ok) {
    const report: unknown = await res.json().catch(() => undefined);
    return isPublicReport(report) ? { kind: "ok", report } : { kind: "failed" };
  }
  if (res.status === 404) return { kind: "not_found" };
  if (res.status === 400) {
    const details = await errorDetails(res);
    return { kind: "invalid", reason: details[0]?.code === "trackingCode.checksum" ? "checksum" : "format" };
  }
  return { kind: "failed" };
}
