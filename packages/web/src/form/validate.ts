import { checkReportInput, type ReportField } from "@lapora/core/browser";
import type { FieldDetail } from "../lib/api";

/** The form's error slots, in the order the fields appear on the page. */
export const FIELDS = [
  "category",
  "happeningNow",
  "kecamatan",
  "desa",
  "occurredAt",
  "description",
  "location",
  "reporter.name",
  "reporter.phone",
  "reporter.smsUpdates",
  "reporter.preferences.callFrom",
  "reporter.preferences.callTo",
  "reporter.preferences.safePhone",
  "form",
] as const satisfies readonly (ReportField | "form")[];
export type FieldName = (typeof FIELDS)[number];

/** A message code (core's report/messages.ts) per field that has a problem. */
export type FieldErrors = Partial<Record<FieldName, string>>;

/** The slot a field path of the API or the rules belongs to: `location.lat` -> `location`, unknown -> `form`. */
export function fieldOf(path: string): FieldName {
  const exact = FIELDS.find((f) => f === path && f.startsWith("reporter."));
  if (exact) return exact;
  const head = path.split(".")[0] ?? "";
  const found = FIELDS.find((f) => f === head);
  return found && found !== "form" ? found : "form";
}

/** Issues (from core's rules or from the server) as one code per field: the first one wins. */
export function toFieldErrors(issues: readonly Pick<FieldDetail, "field" | "code">[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.field);
    out[field] ??= issue.code;
  }
  return out;
}

/** Validates a body by core's report rules, the ones the API runs on arrival: one code per bad field. */
export function validate(body: unknown): FieldErrors {
  const result = checkReportInput(body);
  return result.ok ? {} : toFieldErrors(result.issues);
}
