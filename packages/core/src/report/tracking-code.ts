/**
 * Tracking codes: `LPR-XXXX-XXXX-XXXX-C`. Twelve Crockford base32 characters carry 60 random bits; the
 * last character is a Damm check over GF(32), which catches every single mistyped character and every
 * swap of two neighbours before any lookup is made.
 */
/** Crockford's base32 alphabet: no I, L, O or U, so nothing reads as another character. */
export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const ALPHABET = CROCKFORD;
const PREFIX = "LPR";
const BODY_LENGTH = 12;

const charValue = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));
// Crockford's decoding rules: letters easily confused with digits read as those digits.
for (const [alias, canonical] of [
  ["O", "0"],
  ["I", "1"],
  ["L", "1"],
] as const) {
  charValue.set(alias, charValue.get(canonical) ?? 0);
}

/** The value of a character as a person typed it (O reads as 0, I and L as 1), or undefined. */
export const crockfordValue = (ch: string): number | undefined => charValue.get(ch.toUpperCase());

/** Multiplication in GF(2^5) modulo x^5 + x^2 + 1. */
function gfMul(a: number, b: number): number {
  let r = 0;
  let x = a;
  for (let y = b; y > 0; y >>= 1) {
    if (y & 1) r ^= x;
    x <<= 1;
    if (x & 32) x ^= 0b100101;
  }
  return r;
}

// x∘y = 2x + y over GF(32) is a totally anti-symmetric quasigroup, which is what Damm's algorithm needs.
function damm(values: readonly number[]): number {
  return values.reduce((interim, v) => gfMul(2, interim) ^ v, 0);
}

function format(values: readonly number[]): string {
  const chars = values.map((v) => ALPHABET[v]).join("");
  return `${PREFIX}-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12)}`;
}

/** Generates a new random tracking code. Uniqueness is enforced by the store, not here. */
export function generate(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  const body = [...random(BODY_LENGTH)].map((b) => b & 31);
  return format([...body, gfMul(2, damm(body))]);
}

export type ParseResult = { ok: true; code: string } | { ok: false; reason: "format" | "checksum" };

/**
 * Reads a code as a person might type it: any case, with or without the `LPR` prefix, dashes or spaces,
 * and O/I/L for 0/1. Returns the canonical form, or why it is not a valid code.
 */
export function parse(input: string): ParseResult {
  let compact = input.toUpperCase().replace(/[\s\-_.]/g, "");
  if (compact.startsWith(PREFIX)) compact = compact.slice(PREFIX.length);
  if (compact.length !== BODY_LENGTH + 1) return { ok: false, reason: "format" };
  const values: number[] = [];
  for (const ch of compact) {
    const v = charValue.get(ch);
    if (v === undefined) return { ok: false, reason: "format" };
    values.push(v);
  }
  if (damm(values) !== 0) return { ok: false, reason: "checksum" };
  return { ok: true, code: format(values) };
}

/** The pattern of a canonical code, for routes and documentation. */
export const CANONICAL_PATTERN =
  /^LPR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/;
