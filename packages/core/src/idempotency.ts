import { createHash } from "node:crypto";

/** Idempotency keys: 8 to 128 characters of letters, digits and `-_.:` (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** How long a key protects against a repeat: long enough for a phone that retries after a day offline. */
export const IDEMPOTENCY_TTL_SECONDS = 48 * 60 * 60;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SHA-256 of the body as canonical JSON, so key order and whitespace do not make a "different" body. */
export function hashRequest(body: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(body)))
    .digest("hex");
}
