import fc from "fast-check";
import { type MetadataJson, parsePhoneNumberFromString } from "libphonenumber-js/core";
import { describe, expect, it } from "vitest";
import { indonesiaOnly, indonesiaRules } from "../../../../scripts/phone-metadata-source";
import metadata from "./metadata-id.json";
import { type PhoneCheck, parseIndonesianPhone } from "./phone";

const INVALID = { ok: false, reason: "invalid" } as const;

/** What the library answers, after the same first step ("00" as "+", other calling codes). */
function libphonenumber(raw: string): PhoneCheck & { ext?: string } {
  const compact = raw.replace(/[\s().-]/g, "").replace(/^00/, "+");
  if (/^\+(?!62)\d/.test(compact)) return { ok: false, reason: "not_indonesian" };
  const parsed = parsePhoneNumberFromString(compact, "ID", indonesiaOnly() as MetadataJson);
  if (!parsed?.isValid()) return INVALID;
  return parsed.ext ? { ok: true, e164: parsed.number, ext: parsed.ext } : { ok: true, e164: parsed.number };
}

/** The oracle, less one deliberate difference: a number with an extension is refused, not cut short. */
function expected(raw: string): PhoneCheck {
  const answer = libphonenumber(raw);
  return "ext" in answer ? INVALID : answer;
}

describe("Indonesian phone numbers", () => {
  it("normalise to +62 E.164 however they are written", () => {
    for (const raw of [
      "0812-3456-7890",
      "+62 812 3456 7890",
      "62812 3456 7890",
      "(0711) 123456",
      "0062 812 3456 7890",
    ]) {
      expect(parseIndonesianPhone(raw), raw).toMatchObject({
        ok: true,
        e164: expect.stringMatching(/^\+62\d{8,12}$/),
      });
    }
  });

  it("tell a foreign number from an impossible one", () => {
    expect(parseIndonesianPhone("+1 202 555 0143")).toEqual({ ok: false, reason: "not_indonesian" });
    expect(parseIndonesianPhone("0044 20 7946 0958")).toEqual({ ok: false, reason: "not_indonesian" });
    expect(parseIndonesianPhone("0812")).toEqual({ ok: false, reason: "invalid" });
    expect(parseIndonesianPhone("bukan nomor")).toEqual({ ok: false, reason: "invalid" });
  });

  it("use Indonesia's entry of the installed libphonenumber-js (run scripts/gen-phone-metadata.ts if not)", () => {
    expect(metadata).toEqual(indonesiaRules());
  });

  it("read what libphonenumber-js reads, around the number too", () => {
    for (const raw of [
      "HP: 0812-3456-7890 (WA)",
      "Telp.+62 812 3456 7890",
      "x00862 812 3456 7890",
      "62 0812 3456 7890",
      "+62 (0) 812 3456 7890",
      "6221 1234 5678",
      "62 21 1234567",
      "621234567",
      "0812/3456/7890",
      "0812\u20133456\u20137890",
      "\uff10\uff18\uff11\uff12\u00ad3456 7890",
      "\uff0b62 812 3456 7890",
      "\uff0bx 0812 3456 7890",
      "0812 3456 7890#",
      "0812+3456 7890",
      "0812~3456~78901234",
      "0081 202 555 0143",
      "+0812 3456 7890",
      `${"a".repeat(240)} 0812 3456 7890`,
    ]) {
      expect(parseIndonesianPhone(raw), raw).toEqual(expected(raw));
    }
  });

  it("refuse an extension, which the library would drop from the E.164 number", () => {
    for (const raw of [
      "0812 3456 7890 ext 12",
      "0812-3456-7890 x5",
      "(0711) 123456 #21",
      "0812 3456 7890,,3",
    ]) {
      expect(libphonenumber(raw), raw).toMatchObject({ ok: true, ext: expect.any(String) });
      expect(parseIndonesianPhone(raw), raw).toEqual(INVALID);
    }
  });

  it("agree with libphonenumber-js on numbers however they are written", () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
    const prefix = fc.oneof(
      { arbitrary: fc.constantFrom("", "0", "+62", "62", "0062"), weight: 3 },
      { arbitrary: fc.constantFrom("+1", "008", "009", "+"), weight: 1 },
    );
    const body = fc.oneof(
      digits(0, 18),
      digits(8, 11).map((d) => `8${d}`), // mobile
      digits(6, 6).map((d) => `711${d}`), // Palembang
      digits(7, 8).map((d) => `21${d}`), // Jakarta
      digits(8, 11).map((d) => `08${d}`),
      digits(7, 11).map((d) => `62${d}`),
    );
    const separator = fc.constantFrom(" ", "-", ".", "(", ")", "/", "\u00a0", "\u2013");
    const other = fc.constantFrom("a", "x", "HP ", "WA", "ext", "#", ",", ";", "+");
    const noise = fc.oneof({ arbitrary: separator, weight: 4 }, { arbitrary: other, weight: 1 });
    const input = fc
      .tuple(prefix, body, fc.array(fc.tuple(fc.nat(), noise), { maxLength: 5 }))
      .map(([p, b, inserts]) =>
        inserts.reduce(
          (s, [at, n]) => s.slice(0, at % (s.length + 1)) + n + s.slice(at % (s.length + 1)),
          p + b,
        ),
      );
    const seen = { valid: 0, invalid: 0, not_indonesian: 0 };
    fc.assert(
      fc.property(input, (raw) => {
        const answer = parseIndonesianPhone(raw);
        seen[answer.ok ? "valid" : answer.reason]++;
        expect(answer, JSON.stringify(raw)).toEqual(expected(raw));
      }),
      { numRuns: 5000 },
    );
    // The generators must keep reaching every answer, or the agreement above says little.
    expect(seen.valid).toBeGreaterThan(1000);
    expect(seen.invalid).toBeGreaterThan(1000);
    expect(seen.not_indonesian).toBeGreaterThan(100);
  });
});
