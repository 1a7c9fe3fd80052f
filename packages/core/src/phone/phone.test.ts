import { describe, expect, it } from "vitest";
import { indonesiaOnly } from "../../../../scripts/phone-metadata-source";
import metadata from "./metadata-id.json";
import { parseIndonesianPhone } from "./phone";

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
    expect(metadata).toEqual(indonesiaOnly());
  });
});
