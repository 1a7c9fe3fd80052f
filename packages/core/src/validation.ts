import type * as z from "zod/mini";
import { type FieldIssue, ValidationError } from "./errors";

/** Zod issues as field issues, for schemas whose messages are plain English (not the report form's codes). */
export function issuesOf(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.flatMap((i) => {
    const base = i.path.map(String).join(".");
    // Each field the schema does not know is named on its own, so the client sees which to drop.
    if (i.code === "unrecognized_keys")
      return i.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        code: "unknown_field",
        message: "This field is not accepted here.",
      }));
    return [{ field: base || "body", code: i.code, message: i.message }];
  });
}

/** Parses `value` with `schema`, or throws a ValidationError (400) naming each bad field. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError("The request has invalid fields.", issuesOf(r.error));
  return r.data as z.output<S>;
}
