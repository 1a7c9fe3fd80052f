import type { ContentType } from "./rules";
import { FORM_META, MAX_BYTES, STATE_TAG } from "./rules";

/** The object-tagging XML every upload form sets: the object stays unverified until processed. */
export const UNVERIFIED_TAGGING = `<Tagging><TagSet><Tag><Key>${STATE_TAG.key}</Key><Value>${STATE_TAG.unverified}</Value></Tag></TagSet></Tagging>`;

/**
 * The form fields S3 must receive exactly (presigned POST turns each into an exact-match condition):
 * the Content-Type, the form id (as user metadata) and the unverified tag.
 */
export function uploadFields(contentType: ContentType, formId: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    [`x-amz-meta-${FORM_META}`]: formId,
    tagging: UNVERIFIED_TAGGING,
  };
}

/** Conditions beyond the fields: the size range. The key is an exact condition the SDK adds. */
export function uploadConditions(): ["content-length-range", number, number][] {
  return [["content-length-range", 1, MAX_BYTES]];
}

/** The policy document of a presigned POST form, decoded: what S3 enforces (and no emulator does). */
export function decodePolicy(fields: Record<string, string>): {
  expiration: string;
  conditions: (Record<string, string> | [string, string | number, string | number])[];
} {
  const encoded = fields.Policy ?? fields.policy;
  if (!encoded) throw new Error("The form has no policy.");
  return JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
}
