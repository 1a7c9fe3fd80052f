import { ValidationError } from "../errors";
import { parseReportPhotos } from "../evidence/schema";
import { type EvidenceDeps, openUploads, type UploadGrant } from "../evidence/uploads";
import { hashRequest, IDEMPOTENCY_KEY_PATTERN } from "../idempotency";
import type { Lang } from "./messages";
import { parseReportInput } from "./schema";
import { submit } from "./service";
import type { ReportStore } from "./store";
import type { SubmitReceipt } from "./types";

export interface IntakeDeps {
  reports: ReportStore;
  evidence: EvidenceDeps;
}

/** A report as it arrived: the parsed JSON body, the Idempotency-Key header if any, the reader's language. */
export interface IntakeRequest {
  body: unknown;
  idempotencyKey?: string | undefined;
  lang?: Lang;
}

/** The 201 answer: the receipt and the upload capability with a form per photo (shown only here). */
export type IntakeReceipt = SubmitReceipt & { uploads: UploadGrant };

/** The report fields, and apart from them `photos` (the type of each photo to upload). */
function splitPhotos(body: unknown): { fields: unknown; photos: unknown } {
  if (!body || typeof body !== "object" || Array.isArray(body) || !("photos" in body)) {
    return { fields: body, photos: undefined };
  }
  const { photos, ...fields } = body as Record<string, unknown>;
  return { fields, photos };
}

/** Throws a ValidationError naming the header unless the key is absent or well-formed. */
export function checkIdempotencyKey(key: string | undefined): void {
  if (key === undefined || IDEMPOTENCY_KEY_PATTERN.test(key)) return;
  const message = "Idempotency-Key must be 8 to 128 letters, digits or -_.: characters.";
  throw new ValidationError(message, [{ field: "Idempotency-Key", code: "idempotencyKey.invalid", message }]);
}

/**
 * Intake of a new report, `POST /api/reports`: checks the Idempotency-Key, validates the fields and the
 * photo types (each bad field named, nothing stored), stores the report under the key's scope with the
 * hash of the body, and opens its uploads. A replay of the same body under the same key gets the first
 * receipt back (`replayed`) with a fresh capability and forms only for slots not yet filled.
 */
export async function intake(
  deps: IntakeDeps,
  request: IntakeRequest,
): Promise<{ receipt: IntakeReceipt; replayed: boolean }> {
  const { body, idempotencyKey: key } = request;
  checkIdempotencyKey(key);
  const { fields, photos } = splitPhotos(body);
  const parsed = parseReportInput(fields, request.lang ?? "en");
  if (!parsed.ok) throw new ValidationError("The report has invalid fields.", parsed.issues);
  const photoTypes = parseReportPhotos(photos);
  const { receipt, replayed } = await submit(deps.reports, parsed.value, {
    ...(key ? { idempotency: { key: `report:${key}`, requestHash: hashRequest(body) } } : {}),
  });
  const uploads = await openUploads(deps.evidence, receipt, photoTypes);
  return { receipt: { ...receipt, uploads }, replayed };
}
