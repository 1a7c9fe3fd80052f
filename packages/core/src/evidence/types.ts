import type { AuditEntry } from "../audit/types";
import type { ContentType } from "./rules";

/** Where a slot is: a form was handed out, a valid image was attached, or the upload was refused. */
export type SlotStatus = "issued" | "attached" | "rejected";

/**
 * One of a report's (at most 5) photo slots. A slot is created when an upload form for it is first
 * handed out; it is the evidence item once an original is attached to it.
 */
export interface EvidenceSlot {
  reportId: string;
  /** 1 to 5: the original's key is `evidence/{reportId}/{slot}`. */
  slot: number;
  status: SlotStatus;
  /** The Content-Type the slot's form allows. */
  contentType: ContentType;
  /** Names the form the slot was last issued with; an object carrying another form's id is refused. */
  formId: string;
  issuedAt: string;
  /** Set when attached: the type the bytes really are, their size and SHA-256 (hex), chain of custody. */
  detectedType?: ContentType;
  bytes?: number;
  sha256?: string;
  width?: number;
  height?: number;
  /** The original's S3 version (versioned bucket) and ETag: a second delivery of the same event is a no-op. */
  versionId?: string;
  eTag?: string;
  /** The display copy (metadata stripped); absent when it could not be made here (HEIC). */
  displayKey?: string;
  attachedAt?: string;
  rejectedAt?: string;
  rejectReason?: string;
}

export type AttachedSlot = EvidenceSlot & Required<Pick<EvidenceSlot, "detectedType" | "bytes" | "sha256">>;

/** A presigned S3 POST: the browser sends `fields` (in order) and then the file as `file` to `url`. */
export interface UploadForm {
  slot: number;
  url: string;
  fields: Record<string, string>;
  contentType: ContentType;
  maxBytes: number;
  expiresAt: string;
}

/** The storage port of evidence: upload capabilities and slots. */
export interface EvidenceStore {
  /** Adds a capability hash to the report's (creating the record); `openUntil` in epoch seconds. */
  grantAccess(reportId: string, secretHash: string, openUntil: number, at: string): Promise<void>;
  /** True when `secretHash` is one of the report's live capabilities. */
  hasAccess(reportId: string, secretHash: string, nowSeconds: number): Promise<boolean>;
  listSlots(reportId: string): Promise<EvidenceSlot[]>;
  getSlot(reportId: string, slot: number): Promise<EvidenceSlot | undefined>;
  /** Creates the slot; false when that slot number exists already. */
  issueSlot(slot: EvidenceSlot): Promise<boolean>;
  /** Gives a slot that is not attached a new form; false when it is attached or missing. */
  reissueSlot(
    reportId: string,
    slot: number,
    next: Pick<EvidenceSlot, "formId" | "contentType" | "issuedAt">,
  ): Promise<boolean>;
  /** Attaches the original if the slot is still unattached under `formId`, writing `audit` in the same transaction. */
  attach(item: AttachedSlot, audit: AuditEntry): Promise<boolean>;
  /** Marks the slot refused, if it is still unattached under `formId`. */
  reject(reportId: string, slot: number, formId: string, reason: string, at: string): Promise<void>;
}

/** What `read` gives: the bytes (unless they are over the limit), their size and the object's user metadata. */
export interface StoredObject {
  bytes: Uint8Array | undefined;
  size: number;
  metadata: Record<string, string>;
}

/** The file port of evidence: the bucket. */
export interface EvidenceFiles {
  /** The origin upload forms post to: the page's CSP must allow it in connect-src. */
  readonly origin: string;
  createUploadForm(input: {
    key: string;
    contentType: ContentType;
    formId: string;
    expiresSeconds: number;
  }): Promise<{ url: string; fields: Record<string, string> }>;
  /** The object, undefined when it is gone; bytes are left unread when larger than `maxBytes`. */
  read(key: string, versionId: string | undefined, maxBytes: number): Promise<StoredObject | undefined>;
  /** Deletes the object, or exactly this version of it. */
  remove(key: string, versionId: string | undefined): Promise<void>;
  putDisplay(key: string, bytes: Uint8Array): Promise<void>;
  /** Tags the original as verified, so the lifecycle rule for unverified uploads leaves it. */
  markVerified(key: string, versionId: string | undefined): Promise<void>;
  /** Object Lock (governance) on this version until `until`; a no-op where the bucket has no lock (s3rver). */
  retain(key: string, versionId: string | undefined, until: Date): Promise<void>;
  /** A short-lived presigned GET; `downloadName` makes the browser save it under that name. */
  viewUrl(
    key: string,
    options: { versionId?: string; downloadName?: string; expiresSeconds: number },
  ): Promise<string>;
}

/** The image port: sharp in adapters/sharp (`@lapora/core/sharp`), so the domain never loads a native module. */
export interface ImageProcessor {
  /** Reads the image's header; throws when the bytes are not a readable image. */
  inspect(bytes: Uint8Array): Promise<{ width: number; height: number }>;
  /** A JPEG of at most DISPLAY_LONG_SIDE px with no metadata at all; undefined when it cannot decode this type. */
  displayCopy(bytes: Uint8Array, type: ContentType): Promise<Uint8Array | undefined>;
}
