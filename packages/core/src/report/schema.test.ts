import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MESSAGES } from "./messages";
import { parseReportInput } from "./schema";

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
    const known = new Set(Object.keys(MESSAGES));
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

  it("gives every message in Indonesian and English", () => {
    for (const [code, m] of Object.entries(MESSAGES)) {
      expect(m.id, code).not.toBe("");
      expect(m.en, code).not.toBe("");
      expect(m.id, code).not.toBe(m.en);
    }
  });
});
