import { createHash, randomBytes, randomUUID } from "node:crypto";
import { ConflictError, ForbiddenError } from "../errors";
import {
  type ContentType,
  FORM_TTL_SECONDS,
  MAX_BYTES,
  MAX_PHOTOS,
  originalKey,
  UPLOAD_WINDOW_SECONDS,
} from "./rules";
import type { PhotoRequest } from "./schema";
import type { EvidenceFiles, EvidenceSlot, EvidenceStore, UploadForm } from "./types";

export interface EvidenceDeps {
  store: EvidenceStore;
  files: EvidenceFiles;
}

/** What the reporter gets with a new report: the upload capability (shown once) and a form per photo. */
export interface UploadGrant {
  /** Send as `Authorization: Bearer {token}` to `POST /api/reports/{id}/evidence`. Not the tracking code. */
  token: string;
  forms: UploadForm[];
  maxPhotos: number;
}

/** SHA-256 of a capability secret: only this is stored. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

async function formFor(deps: EvidenceDeps, slot: EvidenceSlot, at: Date): Promise<UploadForm> {
  const { url, fields } = await deps.files.createUploadForm({
    key: originalKey(slot.reportId, slot.slot),
    contentType: slot.contentType,
    formId: slot.formId,
    expiresSeconds: FORM_TTL_SECONDS,
  });
  return {
    slot: slot.slot,
    url,
    fields,
    contentType: slot.contentType,
    maxBytes: MAX_BYTES,
    expiresAt: new Date(at.getTime() + FORM_TTL_SECONDS * 1000).toISOString(),
  };
}

const issue = (reportId: string, slot: number, contentType: ContentType, at: Date): EvidenceSlot => ({
  reportId,
  slot,
  status: "issued",
  contentType,
  formId: randomUUID(),
  issuedAt: at.toISOString(),
});

/**
 * Opens uploads for a report just stored, or for an idempotent replay of its submission: a new
 * capability (earlier ones stay valid) and forms for slots 1..n, one per photo type. A replay finds
 * those slots already there and signs their forms again, so however often it comes it mints no slot
 * beyond the first n; a slot already filled gets no form.
 */
export async function openUploads(
  deps: EvidenceDeps,
  report: { id: string; createdAt: string },
  photos: readonly ContentType[],
  at = new Date(),
): Promise<UploadGrant> {
  const token = randomBytes(32).toString("base64url");
  const openUntil = seconds(new Date(report.createdAt)) + UPLOAD_WINDOW_SECONDS;
  await deps.store.grantAccess(report.id, hashSecret(token), openUntil, at.toISOString());
  const forms: UploadForm[] = [];
  for (const [i, contentType] of photos.slice(0, MAX_PHOTOS).entries()) {
    const wanted = issue(report.id, i + 1, contentType, at);
    if (await deps.store.issueSlot(wanted)) {
      forms.push(await formFor(deps, wanted, at));
      continue;
    }
    const existing = await deps.store.getSlot(report.id, i + 1);
    if (!existing || existing.status === "attached") continue;
    const next = { formId: randomUUID(), contentType, issuedAt: at.toISOString() };
    if (await deps.store.reissueSlot(report.id, i + 1, next)) {
      forms.push(await formFor(deps, { ...existing, ...next }, at));
    }
  }
  return { token, forms, maxPhotos: MAX_PHOTOS };
}

/**
 * Forms for the holder of a report's upload capability: for a named slot that is not filled yet (a
 * retry, with a fresh form id so the old form's uploads are refused) or for new slots, up to 5 in all.
 * A wrong or expired capability is Forbidden, whatever the report; no slot left is a ConflictError.
 */
export async function requestForms(
  deps: EvidenceDeps,
  reportId: string,
  token: string,
  request: PhotoRequest,
  at = new Date(),
): Promise<{ forms: UploadForm[]; remaining: number }> {
  if (!token || !(await deps.store.hasAccess(reportId, hashSecret(token), seconds(at)))) {
    throw new ForbiddenError("This upload capability is not valid for this report.");
  }
  return issueForms(deps, reportId, request, at);
}

/**
 * Forms for a report whose right to upload was already proven (the upload capability above, or the
 * reporter's code and secret, reporter/service.ts): a retry of a named slot gets a fresh form id, new
 * photos get new slots, up to 5 in all; no slot left is a ConflictError.
 */
export async function issueForms(
  deps: EvidenceDeps,
  reportId: string,
  request: PhotoRequest,
  at = new Date(),
): Promise<{ forms: UploadForm[]; remaining: number }> {
  const slots = await deps.store.listSlots(reportId);
  const taken = new Set(slots.map((s) => s.slot));
  const forms: UploadForm[] = [];
  for (const photo of request.photos) {
    if (photo.slot !== undefined) {
      const next = { formId: randomUUID(), contentType: photo.contentType, issuedAt: at.toISOString() };
      const existing = slots.find((s) => s.slot === photo.slot);
      if (!existing || !(await deps.store.reissueSlot(reportId, photo.slot, next))) {
        throw new ConflictError(`Photo ${photo.slot} has already been received, or was never started.`);
      }
      forms.push(await formFor(deps, { ...existing, ...next }, at));
      continue;
    }
    let made: EvidenceSlot | undefined;
    for (let n = 1; n <= MAX_PHOTOS && !made; n++) {
      if (taken.has(n)) continue;
      taken.add(n);
      const wanted = issue(reportId, n, photo.contentType, at);
      if (await deps.store.issueSlot(wanted)) made = wanted;
    }
    if (!made) break;
    forms.push(await formFor(deps, made, at));
  }
  if (forms.length === 0) throw new ConflictError(`A report can have at most ${MAX_PHOTOS} photos.`);
  return { forms, remaining: MAX_PHOTOS - taken.size };
}
