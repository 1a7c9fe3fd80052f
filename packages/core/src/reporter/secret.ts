import { createHash } from "node:crypto";
import { CROCKFORD, crockfordValue } from "../report/tracking-code";

/**
 * The reporter secret: the second half of "code plus secret", which opens the reporter's own view of a
 * report (their description, the thread with officers, later photos and their say at closure). The
 * tracking code alone opens only the public view. 24 Crockford base32 characters carry 120 random bits,
 * shown in groups of four so it can be written down; it is stored only as its SHA-256.
 */
export const SECRET_LENGTH = 24;

/** The header the secret travels in: never in a URL, where it would reach logs and browser history. */
export const REPORTER_SECRET_HEADER = "Reporter-Secret";

/** A new secret, formatted `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`. */
export function newReporterSecret(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  // One byte per character, 5 bits of each: uniform, since 256 is a multiple of 32.
  const chars = [...random(SECRET_LENGTH)].map((b) => CROCKFORD[b & 31]).join("");
  return chars.match(/.{4}/g)?.join("-") ?? chars;
}

/**
 * The secret as a person may type it (any case, dashes or spaces, O for 0, I or L for 1), in its one
 * canonical form; undefined when it cannot be a secret at all.
 */
export function canonicalSecret(input: string): string | undefined {
  const compact = input.replace(/[\s\-_.]/g, "");
  if (compact.length !== SECRET_LENGTH) return undefined;
  let out = "";
  for (const ch of compact) {
    const v = crockfordValue(ch);
    if (v === undefined) return undefined;
    out += CROCKFORD[v];
  }
  return out;
}

/** What is stored of a secret: SHA-256 of its canonical form (120 random bits need no slow hash). */
export function hashReporterSecret(secret: string): string {
  return createHash("sha256")
    .update(`lapora-reporter:${canonicalSecret(secret) ?? secret}`)
    .digest("hex");
}
