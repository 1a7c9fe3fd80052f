import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import type * as z from "zod/mini";
import { parseReportInput, type ReportInput } from "./input";
import { MESSAGES_EN, MESSAGES_ID, messageFor } from "./messages";
import { ReportBodyShape as Contract } from "./schema";

const NOW = new Date("2026-11-28T03:00:00Z");
const valid = (overrides: Record<string, unknown> = {}) => ({
  category: "pencurian",
  happeningNow: false,
  kecamatan: "16.06.01",
  desa: "16.06.01.1011",
  occurredAt: "2026-11-27T20:00:00+07:00",
  description: "Sepeda motor hilang dari depan rumah.",
  reporter: { anonymous: true },
  ...overrides,
});
const issuesOf = (body: unknown) => {
  const r = parseReportInput(body);
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`);
};

describe("report input", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it("accepts a valid anonymous report and normalises the time to UTC", () => {
    const r = parseReportInput(valid());
    expect(r).toMatchObject({
      ok: true,
      value: { occurredAt: "2026-11-27T13:00:00.000Z", reporter: { anonymous: true } },
    });
  });

  it("normalises an Indonesian phone written locally to +62 E.164", () => {
    for (const phone of ["0812-3456-7890", "+62 812 3456 7890", "62812 3456 7890", "(0711) 123456"]) {
      const r = parseReportInput(valid({ reporter: { anonymous: false, name: "Siti", phone } }));
      expect(r.ok, phone).toBe(true);
      if (r.ok) expect(r.value.reporter).toMatchObject({ phone: expect.stringMatching(/^\+62\d{8,12}$/) });
    }
  });

  it("refuses foreign and impossible phone numbers with the reason", () => {
    expect(
      issuesOf(valid({ reporter: { anonymous: false, name: "Siti", phone: "+1 202 555 0143" } })),
    ).toEqual(["reporter.phone:reporter.phone.not_indonesian"]);
    expect(issuesOf(valid({ reporter: { anonymous: false, name: "Siti", phone: "0812" } }))).toEqual([
      "reporter.phone:reporter.phone.invalid",
    ]);
    expect(issuesOf(valid({ reporter: { anonymous: false, name: "Siti" } }))).toEqual([
      "reporter.phone:required",
    ]);
  });

  it("names each bad field with its own reason", () => {
    expect(
      issuesOf(
        valid({
          category: "begal",
          kecamatan: "31.71.01",
          occurredAt: "kemarin",
          description: "  tolong  ",
          location: { lat: -6.2, lon: 106.8 },
          happeningNow: "ya",
        }),
      ).sort(),
    ).toEqual([
      "category:category.invalid",
      "description:description.too_short",
      "happeningNow:happeningNow.invalid",
      "kecamatan:kecamatan.invalid",
      "location:location.outside",
      "occurredAt:occurredAt.invalid",
    ]);
  });

  it("refuses a desa of another kecamatan", () => {
    expect(issuesOf(valid({ kecamatan: "16.06.09" }))).toEqual(["desa:desa.not_in_kecamatan"]);
  });

  it("checks fields against each other even when another field is wrong, so all is said at once", () => {
    expect(issuesOf(valid({ kecamatan: "16.06.09", category: undefined }))).toEqual([
      "category:required",
      "desa:desa.not_in_kecamatan",
    ]);
    const reporter = {
      anonymous: false,
      name: "Siti",
      phone: "0812",
      smsUpdates: true,
      preferences: { sms: false, calls: true, callFrom: "08:00", callTo: "25:00" },
    };
    expect(issuesOf(valid({ reporter }))).toEqual([
      "reporter.phone:reporter.phone.invalid",
      "reporter.preferences.callTo:reporter.preferences.callHours.invalid",
      "reporter.smsUpdates:reporter.smsUpdates.not_allowed",
    ]);
    const hours = { sms: true, calls: false, callFrom: "08:00", callTo: "08:00", safePhone: "12" };
    expect(issuesOf(valid({ reporter: { ...reporter, smsUpdates: false, preferences: hours } }))).toEqual([
      "reporter.phone:reporter.phone.invalid",
      "reporter.preferences.safePhone:reporter.preferences.safePhone.invalid",
      "reporter.preferences.callFrom:reporter.preferences.callHours.without_calls",
    ]);
  });

  it("refuses times in the future (beyond clock skew) and older than a year", () => {
    expect(issuesOf(valid({ occurredAt: "2026-11-28T03:04:00Z" }))).toEqual([]);
    expect(issuesOf(valid({ occurredAt: "2026-11-28T03:10:00Z" }))).toEqual(["occurredAt:occurredAt.future"]);
    expect(issuesOf(valid({ occurredAt: "2025-11-20T00:00:00Z" }))).toEqual([
      "occurredAt:occurredAt.too_old",
    ]);
  });

  it("refuses unknown fields, at the top and inside the reporter", () => {
    expect(issuesOf(valid({ isAdmin: true }))).toEqual(["isAdmin:unknown_field"]);
    expect(issuesOf(valid({ reporter: { anonymous: true, name: "x" } }))).toEqual([
      "reporter.name:unknown_field",
    ]);
  });

  it("says what is missing when fields are absent or the body is not an object", () => {
    expect(issuesOf({})).toContain("category:required");
    expect(issuesOf({})).toContain("reporter:required");
    expect(issuesOf([])).toEqual(["body:invalid_body"]);
    expect(issuesOf("laporan")).toEqual(["body:invalid_body"]);
  });

  it("cleans descriptions: control characters gone, line breaks kept, trimmed, length in characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 2100 }), (text) => {
        const r = parseReportInput(valid({ description: text }));
        if (!r.ok) {
          expect(r.issues).toHaveLength(1);
          expect(r.issues[0]?.field).toBe("description");
          return;
        }
        const d = r.value.description;
        expect(d).toBe(d.trim());
        expect(d).not.toMatch(/(?![\n\t])[\p{Cc}\u202A-\u202E]/u);
        expect([...d].length).toBeGreaterThanOrEqual(10);
        expect([...d].length).toBeLessThanOrEqual(2000);
      }),
    );
    const r = parseReportInput(valid({ description: "\u0000Baris satu\r\nbaris dua\u202E 🏍️🏍️" }));
    expect(r.ok && r.value.description).toBe("Baris satu\nbaris dua 🏍️🏍️");
  });

  it("never crashes and always names known fields, whatever JSON arrives", () => {
    const known = new Set(Object.keys(MESSAGES_ID));
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ category: fc.jsonValue(), reporter: fc.jsonValue() })),
        (body) => {
          const r = parseReportInput(body);
          if (!r.ok) {
            expect(r.issues.length).toBeGreaterThan(0);
            for (const i of r.issues) {
              expect(i.field.length).toBeGreaterThan(0);
              expect(known.has(i.code) || i.code === "invalid").toBe(true);
            }
          }
        },
      ),
    );
  });

  it("is what the contract describes: every body the rules let in, the contract's schema lets in too", () => {
    expectTypeOf<z.output<typeof Contract>>().toEqualTypeOf<ReportInput>();
    // Mostly what a form sends, sometimes a value the rules refuse, now and then any JSON at all.
    const pick = (good: unknown[], bad: unknown[] = []) =>
      fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(...good) },
        { weight: bad.length, arbitrary: bad.length ? fc.constantFrom(...bad) : fc.constant(good[0]) },
        { weight: 1, arbitrary: fc.jsonValue() },
      );
    const absent = (a: fc.Arbitrary<unknown>) => fc.option(a, { nil: undefined, freq: 2 });
    const preferences = fc.record(
      {
        sms: pick([true, false]),
        calls: pick([true, false]),
        callFrom: absent(pick(["08:00"], ["8:00"])),
        callTo: absent(pick(["17:00"], ["24:00"])),
        noHomeVisit: absent(pick([true, false])),
        safePhone: absent(pick(["081234567890"], ["12"])),
      },
      { requiredKeys: ["sms", "calls"] },
    );
    const named = fc.record(
      {
        anonymous: pick([false], [true]),
        name: pick(["Siti", " Siti Aminah "], ["S"]),
        phone: pick(["0812-3456-7890", "+62 812 3456 7890"], ["+1 202 555 0143"]),
        smsUpdates: absent(pick([true, false])),
        preferences: absent(preferences),
      },
      { requiredKeys: ["anonymous", "name", "phone"] },
    );
    const body = fc.record(
      {
        category: pick(["pencurian", "kdrt"], ["begal"]),
        happeningNow: pick([true, false]),
        kecamatan: pick(["16.06.01"], ["16.06.09"]),
        desa: pick(["16.06.01.1011"], ["x"]),
        occurredAt: pick(
          ["2026-11-27T20:00:00+07:00", "2026-11-28T02:59:59.123456Z"],
          ["2026-02-30T10:00:00Z"],
        ),
        description: pick(["Sepeda motor hilang dari depan rumah.", "\u0000Baris satu\r\nbaris dua 🏍️🏍️"]),
        location: absent(
          pick([{ lat: -2.9, lon: 103.8 }], [{ lat: -2.9 }, { lat: -2.9, lon: 103.8, alt: 1 }]),
        ),
        reporter: fc.oneof(fc.record({ anonymous: pick([true], [false]) }), named),
        isAdmin: fc.option(fc.boolean(), { nil: undefined, freq: 20 }),
      },
      { requiredKeys: Object.keys(valid()) as (keyof ReturnType<typeof valid>)[] },
    );
    let accepted = 0;
    fc.assert(
      fc.property(body, (b) => {
        const raw = JSON.parse(JSON.stringify(b)) as unknown; // as it arrives: no undefined fields
        const r = parseReportInput(raw);
        if (!r.ok) return;
        accepted++;
        expect(Contract.safeParse(raw).success).toBe(true);
        expect(Contract.safeParse(r.value).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it("gives every message in Indonesian and English, and a generic one for a code it does not know", () => {
    expect(Object.keys(MESSAGES_EN).sort()).toEqual(Object.keys(MESSAGES_ID).sort());
    for (const [code, id] of Object.entries(MESSAGES_ID)) {
      const en = MESSAGES_EN[code as keyof typeof MESSAGES_EN];
      expect(id, code).not.toBe("");
      expect(en, code).not.toBe("");
      expect(id, code).not.toBe(en);
    }
    expect(messageFor("photos.too_many", "id")).toBe("Isian tidak valid.");
    expect(messageFor("toString", "en")).toBe("Invalid value.");
  });
});
