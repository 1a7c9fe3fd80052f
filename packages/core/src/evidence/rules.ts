/** The image types a photo may be: what phones produce. The browser re-encodes to JPEG where it can. */
export const CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Photos per report, in total: slots are numbered 1 to 5, so a sixth cannot exist. */
export const MAX_PHOTOS = 5;

/** The most one original may weigh. A 12 MP phone JPEG is 3 to 6 MB; the browser sends a few hundred KB. */
export const MAX_BYTES = 10 * 1024 * 1024;

/** How long an upload form works: enough for five photos on a slow link; a retry after it asks anew. */
export const FORM_TTL_SECONDS = 10 * 60;

/** How long after the report the reporter's upload capability works. */
export const UPLOAD_WINDOW_SECONDS = 7 * 24 * 60 * 60;

/** How long a presigned GET of a display copy or an original works. */
export const VIEW_URL_TTL_SECONDS = 5 * 60;

/** The long side of a display copy, in pixels. */
export const DISPLAY_LONG_SIDE = 1600;

/** Originals, as uploaded: the only prefix that triggers `evidence-uploaded`. */
export const ORIGINAL_PREFIX = "evidence/";
/** Display copies: re-encoded JPEGs without any metadata; the only images ever served to officers' screens. */
export const DISPLAY_PREFIX = "display/";

/**
 * Every upload form tags its object `evidence-state=unverified`; `evidence-uploaded` retags what it
 * accepts. A lifecycle rule (stacks/Storage.ts) expires what is still unverified, so an upload that
 * was never processed does not stay.
 */
export const STATE_TAG = { key: "evidence-state", unverified: "unverified", verified: "verified" } as const;

/** The S3 metadata field that names the form (slot issue) an object was uploaded with. */
export const FORM_META = "form";

export const isContentType = (value: unknown): value is ContentType => CONTENT_TYPES.some((t) => t === value);

/** The key of a slot's original: `evidence/{reportId}/{slot}`. Chosen by the server, never the client. */
export const originalKey = (reportId: string, slot: number) => `${ORIGINAL_PREFIX}${reportId}/${slot}`;

/** The key of a slot's display copy. */
export const displayKey = (reportId: string, slot: number) => `${DISPLAY_PREFIX}${reportId}/${slot}.jpg`;

const ORIGINAL_KEY = /^evidence\/([0-9a-f-]{36})\/([1-9])$/;

/** The report and slot an original's key names, or undefined for a key the server never hands out. */
export function parseOriginalKey(key: string): { reportId: string; slot: number } | undefined {
  const m = ORIGINAL_KEY.exec(key);
  if (!m?.[1] || !m[2]) return undefined;
  const slot = Number(m[2]);
  return slot >= 1 && slot <= MAX_PHOTOS ? { reportId: m[1], slot } : undefined;
}

/**
 * The evidence bucket's CORS rules: the site's origin may POST (upload forms), nothing else. Used by the
 * stack (on the real bucket) and by the local runtime (on s3rver), so both allow the same.
 */
export const uploadCorsRules = (origins: readonly string[]) => [
  { AllowedOrigins: [...origins], AllowedMethods: ["POST"], MaxAgeSeconds: 3000 },
];
