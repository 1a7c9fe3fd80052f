import { createHash, randomBytes } from "node:crypto";
import { type AuditEntry, auditSubject } from "../audit/types";
import { sniffImageType } from "./magic";
import { displayKey, FORM_META, MAX_BYTES, parseOriginalKey } from "./rules";
import type { AttachedSlot, EvidenceFiles, EvidenceStore, ImageProcessor } from "./types";

export interface ProcessDeps {
  store: EvidenceStore;
  files: EvidenceFiles;
  images: ImageProcessor;
  /** Days originals stay under Object Lock (governance); 0 leaves them unlocked (local, test stages). */
  retentionDays: number;
  log?: (entry: Record<string, unknown>) => void;
}

/** One ObjectCreated record, as S3 (and the local s3rver wiring) names the object. */
export interface UploadedObject {
  key: string;
  size: number;
  eTag?: string;
  versionId?: string;
}

export type ProcessOutcome =
  | { outcome: "attached"; sha256: string; displayKey?: string }
  | { outcome: "duplicate" }
  | { outcome: "rejected"; reason: string }
  | { outcome: "gone" }
  | { outcome: "ignored"; reason: string };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const unquote = (etag?: string) => etag?.replace(/"/g, "");

/**
 * `evidence-uploaded`: checks one uploaded original and attaches it to its report's slot, or deletes it.
 * The key must be a slot the server issued, carrying that slot's current form id; the bytes must be at
 * most 10 MB, and an image of the slot's type by their magic bytes, that the image library can read.
 * Then: SHA-256 of the original, a display copy without any metadata, the unverified tag lifted, Object
 * Lock, and the slot attached with an audit entry in one transaction. Safe to run twice for one event:
 * the second finds the slot attached with the same version (or ETag) and does nothing.
 */
export async function processUpload(
  deps: ProcessDeps,
  object: UploadedObject,
  at = new Date(),
): Promise<ProcessOutcome> {
  const { store, files, images } = deps;
  const { key, versionId } = object;
  const eTag = unquote(object.eTag);
  const refuse = async (reason: string, formId?: string, place?: { reportId: string; slot: number }) => {
    await files.remove(key, versionId);
    if (formId && place) await store.reject(place.reportId, place.slot, formId, reason, at.toISOString());
    deps.log?.({ level: "warn", outcome: "rejected", reason, key, versionId });
    return { outcome: "rejected", reason } as const;
  };

  const place = parseOriginalKey(key);
  if (!place) return refuse("key");
  const slot = await store.getSlot(place.reportId, place.slot);
  if (!slot) return refuse("no_slot");
  if (slot.status === "attached") {
    const same = versionId ? slot.versionId === versionId : !!eTag && slot.eTag === eTag;
    if (same) return { outcome: "duplicate" };
    // A second upload with a form still in its lifetime. With versioning this removes only the later
    // version; the attached original is locked. Without versioning (s3rver) it replaced the original,
    // so nothing is deleted: deleting would lose the only copy.
    if (versionId) return refuse("slot_filled");
    deps.log?.({ level: "error", outcome: "ignored", reason: "overwritten_without_versioning", key });
    return { outcome: "ignored", reason: "slot_filled" };
  }
  if (object.size > MAX_BYTES) return refuse("too_large", slot.formId, place);

  const stored = await files.read(key, versionId, MAX_BYTES);
  if (!stored) return { outcome: "gone" };
  if (stored.metadata[FORM_META] !== slot.formId) return refuse("form");
  if (!stored.bytes || stored.size > MAX_BYTES) return refuse("too_large", slot.formId, place);
  if (stored.size === 0) return refuse("empty", slot.formId, place);
  const detected = sniffImageType(stored.bytes);
  if (!detected || detected !== slot.contentType) return refuse("type", slot.formId, place);

  let size: { width: number; height: number };
  let display: Uint8Array | undefined;
  try {
    size = await images.inspect(stored.bytes);
    display = await images.displayCopy(stored.bytes, detected);
  } catch {
    return refuse("unreadable", slot.formId, place);
  }
  const hash = sha256(stored.bytes);
  const shownAt = display ? displayKey(place.reportId, place.slot) : undefined;
  if (display && shownAt) await files.putDisplay(shownAt, display);
  await files.markVerified(key, versionId);
  if (deps.retentionDays > 0) {
    await files.retain(key, versionId, new Date(at.getTime() + deps.retentionDays * 86_400_000));
  }

  const attachedAt = at.toISOString();
  const item: AttachedSlot = {
    ...slot,
    status: "attached",
    detectedType: detected,
    bytes: stored.size,
    sha256: hash,
    width: size.width,
    height: size.height,
    ...(versionId ? { versionId } : {}),
    ...(eTag ? { eTag } : {}),
    ...(shownAt ? { displayKey: shownAt } : {}),
    attachedAt,
  };
  const audit: AuditEntry = {
    subject: auditSubject.report(place.reportId),
    auditId: `${attachedAt}#${randomBytes(4).toString("hex")}`,
    at: attachedAt,
    actorNrp: "evidence-uploaded",
    actorRole: "system",
    action: "evidence_received",
    note: `photo ${place.slot}: ${detected}, ${stored.size} bytes, sha256 ${hash}`,
  };
  if (!(await store.attach(item, audit))) {
    const now = await store.getSlot(place.reportId, place.slot);
    const same = now?.status === "attached" && (versionId ? now.versionId === versionId : now.eTag === eTag);
    return same ? { outcome: "duplicate" } : { outcome: "ignored", reason: "slot_changed" };
  }
  deps.log?.({ level: "info", outcome: "attached", key, sha256: hash, bytes: stored.size });
  return { outcome: "attached", sha256: hash, ...(shownAt ? { displayKey: shownAt } : {}) };
}
