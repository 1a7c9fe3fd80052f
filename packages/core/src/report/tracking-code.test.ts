import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CANONICAL_PATTERN, generate, parse } from "./tracking-code";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const bytes = fc.uint8Array({ minLength: 12, maxLength: 12 });
const codeFrom = (b: Uint8Array) => generate(() => b);
/** The 13 significant characters of a canonical code. */
const compact = (code: string) => code.slice(4).replaceAll("-", "");
const withCompact = (s: string) => `LPR-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;

describe("tracking codes", () => {
  it("look like LPR-XXXX-XXXX-XXXX-C and parse back to themselves", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = codeFrom(b);
        expect(code).toMatch(CANONICAL_PATTERN);
        expect(parse(code)).toEqual({ ok: true, code });
      }),
    );
  });

  it("carry 60 random bits: every byte's low 5 bits shows up in the code", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(compact(codeFrom(b)).slice(0, 12)).toBe([...b].map((x) => ALPHABET[x & 31]).join(""));
      }),
    );
    const many = new Set(Array.from({ length: 20_000 }, () => generate()));
    expect(many.size).toBe(20_000);
  });

  it("accept what a person types: lower case, spaces, no prefix, O for 0, I and L for 1", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = codeFrom(b);
        const typed = compact(code).toLowerCase().replaceAll("0", "o").replaceAll("1", "l");
        expect(parse(` ${typed.slice(0, 6)} ${typed.slice(6)} `)).toEqual({ ok: true, code });
        expect(parse(`lpr${typed}`)).toEqual({ ok: true, code });
      }),
    );
  });

  it("catch every single mistyped character by the check character", () => {
    fc.assert(
      fc.property(bytes, fc.nat(12), fc.integer({ min: 1, max: 31 }), (b, pos, delta) => {
        const s = compact(codeFrom(b));
        const wrong = ALPHABET[(ALPHABET.indexOf(s.charAt(pos)) + delta) % 32] ?? "";
        const typo = s.slice(0, pos) + wrong + s.slice(pos + 1);
        expect(parse(withCompact(typo))).toEqual({ ok: false, reason: "checksum" });
      }),
    );
  });

  it("catch every swap of two different neighbouring characters", () => {
    fc.assert(
      fc.property(bytes, fc.nat(11), (b, pos) => {
        const s = compact(codeFrom(b));
        fc.pre(s[pos] !== s[pos + 1]);
        const swapped = s.slice(0, pos) + s[pos + 1] + s[pos] + s.slice(pos + 2);
        expect(parse(withCompact(swapped))).toEqual({ ok: false, reason: "checksum" });
      }),
    );
  });

  it("refuse wrong lengths and characters outside the alphabet as a format error", () => {
    for (const bad of [
      "",
      "LPR-",
      "LPR-ABCD-EFGH-JKMN",
      "LPR-ABCD-EFGH-JKMN-PQ",
      "LPR-ABCD-EFGH-JKMN-U",
      "LPR-ABCD-EFGH-JK#N-P",
    ]) {
      expect(parse(bad)).toEqual({ ok: false, reason: "format" });
    }
  });
});
