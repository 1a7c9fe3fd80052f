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
] as const;
export type FieldName = (typeof FIELDS)[number];

/** A message code (from core's MESSAGES) per field that has a problem. */
export type FieldErrors = Partial<Record<FieldName, string>>;

/** The slot an API or schema field path belongs to: `location.lat` -> `location`, unknown -> `form`. */
export function fieldOf(path: string): FieldName {
  const exact = FIELDS.find((f) => f === path && f.startsWith("reporter."));
  if (exact) return exact;
  const head = path.split(".")[0] ?? "";
  const found = FIELDS.find((f) => f === head);
  return found && found !== "form" ? found : "form";
}

/** Issues (from the shared schema or from the server) as one code per field: the first one wins. */
export function toFieldErrors(issues: readonly Pick<FieldDetail, "field" | "code">[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.field);
    out[field] ??= issue.code;
  }
  return out;
}

type SchemaModule = typeof import("./schema");
let loading: Promise<SchemaModule> | undefined;
let loaded: SchemaModule | undefined;

// The schema (zod/mini, core's rules with the desa list's checks and the phone check on Indonesia's
// metadata; about 9.5 KB gzipped) is its own chunk: the form loads it at the resident's first touch.
export function loadSchema(): Promise<SchemaModule> {
  loading ??= import("./schema").then(
    (m) => {
      loaded = m;
      return m;
    },
    (err: unknown) => {
      loading = undefined; // a dropped connection must not break validation for good
      throw err;
    },
  );
  return loading;
}

/** Validates a body with the same schema the server uses; undefined while the schema is still loading. */
export function validateNow(body: unknown): FieldErrors | undefined {
  if (!loaded) return undefined;
  const result = loaded.parseReportInput(body);
  return result.ok ? {} : toFieldErrors(result.issues);
}

/**
 * Validates a body with the shared schema, loading it first if needed. Undefined when the schema could
 * not be loaded (offline): the server checks the same rules anyway.
 */
export async function validate(body: unknown): Promise<FieldErrors | undefined> {
  try {
    await loadSchema();
  } catch {
    return undefined;
  }
  return validateNow(body);
}
