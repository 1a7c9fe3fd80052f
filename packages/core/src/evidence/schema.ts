import * as z from "zod/mini";
import { type FieldIssue, ValidationError } from "../errors";
import { CONTENT_TYPES, MAX_PHOTOS } from "./rules";

const contentType = z.enum(CONTENT_TYPES, { error: "Photos may be JPEG, PNG, WebP or HEIC." });

/** `photos` of `POST /api/reports`: the type of each photo the reporter will upload. */
export const ReportPhotos = z.optional(
  z.array(contentType).check(z.maxLength(MAX_PHOTOS, `A report can have at most ${MAX_PHOTOS} photos.`)),
);

/** The body of `POST /api/reports/{id}/evidence`: a form per photo; `slot` asks again for a slot's form. */
export const PhotoRequest = z.object({
  photos: z
    .array(
      z.object({
        contentType,
        slot: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_PHOTOS))),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_PHOTOS, `A report can have at most ${MAX_PHOTOS} photos.`)),
});
export type PhotoRequest = z.infer<typeof PhotoRequest>;

function fail(error: z.core.$ZodError, prefix: string): never {
  const details: FieldIssue[] = error.issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join(".");
    return { field, code: `${field}.invalid`, message: i.message };
  });
  throw new ValidationError("The photo request has invalid fields.", details);
}

/** The photo types sent with a report (none when absent), or a ValidationError. */
export function parseReportPhotos(value: unknown) {
  const r = ReportPhotos.safeParse(value);
  return r.success ? (r.data ?? []) : fail(r.error, "photos");
}

/** A parsed `POST /api/reports/{id}/evidence` body, or a ValidationError. */
export function parsePhotoRequest(body: unknown): PhotoRequest {
  const r = PhotoRequest.safeParse(body);
  return r.success ? r.data : fail(r.error, "");
}
