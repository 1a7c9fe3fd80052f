import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../report/category";
import { PRIORITIES } from "../report/priority";
import { isGsm7, septets, toGsm7 } from "./gsm7";
import { buildSms, consoleLink, MAX_CONSOLE_URL, SMS_LIMIT, smsFor } from "./message";
import { ALERT_KINDS } from "./types";

// Any Unicode: astral planes, emoji sequences, combining marks, controls, lone surrogates.
const anyText = fc.string({ unit: "binary", maxLength: 300 });
const origin = fc
  .stringMatching(/^[a-z0-9]([a-z0-9.-]{0,30}[a-z0-9])?$/)
  .map((host) => `https://${host}`.slice(0, MAX_CONSOLE_URL));

describe("toGsm7", () => {
  it("always returns GSM-7, whatever it is given", () => {
    fc.assert(fc.property(anyText, (s) => isGsm7(toGsm7(s))));
  });

  it("keeps GSM-7 text as it is, apart from spacing", () => {
    const gsm = fc.string({ unit: fc.constantFrom(..."abcXYZ019 .,-éüÑ@£$_") });
    fc.assert(fc.property(gsm, (s) => toGsm7(s) === s.replace(/ {2,}/g, " ").trim()));
  });

  it("transliterates quotes, dashes and accents, and drops emoji", () => {
    expect(toGsm7("“Jalan” – Desa Ma’rifat")).toBe('"Jalan" - Desa Ma\'rifat');
    // ü and à are GSM-7 and stay; Ş, Ō, ā and ç are not and lose their accents.
    expect(toGsm7("Şükrü Ōtā çà")).toBe("Sükrü Ota cà");
    expect(toGsm7("Kebakaran 🔥🔥 di sini 👮🏽‍♀️!")).toBe("Kebakaran di sini !");
    expect(toGsm7("Line\none\ttab")).toBe("Line one tab");
    expect(toGsm7("北京")).toBe("??");
  });

  it("counts extension-table characters twice", () => {
    expect(septets("a[b]€")).toBe(8);
  });
});

describe("buildSms", () => {
  const parts = fc.record({
    kind: fc.constantFrom(...ALERT_KINDS),
    priority: fc.constantFrom(...PRIORITIES),
    category: fc.constantFrom(...CATEGORIES),
    desaName: anyText,
    kecamatanName: anyText,
    link: fc
      .tuple(origin, fc.stringMatching(/^[0-9A-Z]{13}$/))
      .map(([o, code]) => `${o}/konsol/laporan/${code}`),
    waitedMinutes: fc.integer({ min: 0, max: 100_000 }),
  });

  it("fits one GSM-7 SMS for any names, and keeps the whole link", () => {
    fc.assert(
      fc.property(parts, (p) => {
        const sms = buildSms(p);
        expect(isGsm7(sms)).toBe(true);
        expect(septets(sms)).toBeLessThanOrEqual(SMS_LIMIT);
        expect(sms.endsWith(` ${p.link}`)).toBe(true);
        expect(sms).toContain(p.priority.toUpperCase());
      }),
    );
  });

  it("keeps short names whole", () => {
    const sms = buildSms({
      kind: "baru",
      priority: "darurat",
      category: "pencurian",
      desaName: "Soak Baru",
      kecamatanName: "Sekayu",
      link: "https://lapora.example/konsol/laporan/7K3MQ9TZ4HX2R",
    });
    expect(sms).toBe(
      "LAPORA DARURAT: Pencurian di Ds. Soak Baru, Kec. Sekayu. https://lapora.example/konsol/laporan/7K3MQ9TZ4HX2R",
    );
  });

  it("shortens long names, the longer one first, and says it did", () => {
    const sms = buildSms({
      kind: "eskalasi-spkt",
      priority: "tinggi",
      category: "gangguan-ketertiban",
      desaName: "Desa ".repeat(40),
      kecamatanName: "Sekayu",
      link: "https://lapora.polresmuba.id/konsol/laporan/7K3MQ9TZ4HX2R",
      waitedMinutes: 31,
    });
    expect(septets(sms)).toBeLessThanOrEqual(SMS_LIMIT);
    expect(sms).toContain("Kec. Sekayu blm diverifikasi 31 mnt.");
    expect(sms).toMatch(/Ds\. Desa Desa.*\., Kec\./);
  });
});

describe("smsFor", () => {
  const report = {
    reportId: "6b0c1f8e-1111-4222-8333-944455556666",
    trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
    category: "karhutla" as const,
    priority: "darurat" as const,
    kecamatan: "16.06.01",
    desa: "16.06.01.1011",
    // Private fields a careless caller might pass along: the SMS must not carry them.
    description: "Rumah Pak Budi di belakang masjid terbakar",
    reporter: { anonymous: false, name: "Siti Aminah", phone: "+6281234567890" },
  };

  it("names the category in Indonesian, the desa and kecamatan, and links the report", () => {
    const sms = smsFor({ ...report, kind: "baru" }, "https://lapora.example");
    expect(sms).toBe(
      "LAPORA DARURAT: Karhutla di Ds. Soak baru, Kec. Sekayu. https://lapora.example/konsol/laporan/7K3MQ9TZ4HX2R",
    );
    expect(consoleLink("https://lapora.example/", report.trackingCode)).toBe(
      "https://lapora.example/konsol/laporan/7K3MQ9TZ4HX2R",
    );
  });

  it("never contains the reporter's name, phone or description", () => {
    for (const kind of ALERT_KINDS) {
      const sms = smsFor({ ...report, kind, waitedMinutes: 16 }, "https://lapora.example");
      for (const secret of ["Siti", "Aminah", "6281234567890", "81234567890", "Budi", "masjid", "terbakar"]) {
        expect(sms).not.toContain(secret);
      }
    }
  });

  it("refuses a console URL too long to leave room for the text", () => {
    expect(() => smsFor({ ...report, kind: "baru" }, `https://${"x".repeat(MAX_CONSOLE_URL)}.id`)).toThrow(
      /console URL/,
    );
  });
});
