import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { countersFor, parseReportLimits, REPORT_LIMITS, takesOf, trapOf, windowOf } from "./admission";

const at = new Date("2026-12-02T10:15:00Z");

describe("the limits by source", () => {
  it("are core's unless a stage overrides some of them, and a bad override stops the cold start", () => {
    expect(parseReportLimits(undefined)).toEqual(REPORT_LIMITS);
    expect(parseReportLimits('{"address":{"soft":40}}')).toEqual({
      ...REPORT_LIMITS,
      address: { soft: 40, hard: REPORT_LIMITS.address.hard },
    });
    expect(() => parseReportLimits('{"device":{"soft":9,"hard":3}}')).toThrow(/hard must be at least soft/);
    expect(() => parseReportLimits('{"windowSeconds":5}')).toThrow();
  });

  it("are generous for an address a village shares, tighter for one device", () => {
    expect(REPORT_LIMITS.address.soft).toBeGreaterThanOrEqual(5 * REPORT_LIMITS.device.soft);
    expect(REPORT_LIMITS.address.hard).toBeGreaterThan(REPORT_LIMITS.address.soft);
  });

  it("key the window's counters by HMACs, never by the address or the token", () => {
    const counters = countersFor(
      "s".repeat(32),
      { source: "src-key", deviceToken: "tok_ABCDEFGHIJKLMNOP" },
      REPORT_LIMITS,
      at,
    );
    expect(counters.map((c) => c.kind)).toEqual(["address", "device"]);
    expect(JSON.stringify(counters)).not.toContain("tok_ABCDEFGHIJKLMNOP");
    const { index, secondsLeft } = windowOf(REPORT_LIMITS, at);
    expect(secondsLeft).toBe(45 * 60);
    expect(counters[0]?.key).toBe(`address#src-key#${index}`);
    // The counter outlives its window, then goes by TTL.
    expect(counters[0]?.expiresAt).toBe((index + 2) * 3600);
    expect(takesOf(counters, "soft").map((t) => t.limit)).toEqual([
      REPORT_LIMITS.address.soft,
      REPORT_LIMITS.device.soft,
    ]);
    expect(takesOf(counters, "hard").map((t) => t.limit)).toEqual([
      REPORT_LIMITS.address.hard,
      REPORT_LIMITS.device.hard,
    ]);
  });

  it("refuse a malformed device token, naming the header", () => {
    const bad = () =>
      countersFor("s".repeat(32), { source: "k", deviceToken: "<script>" }, REPORT_LIMITS, at);
    expect(bad).toThrow(ValidationError);
    try {
      bad();
    } catch (err) {
      expect((err as ValidationError).details[0]?.field).toBe("Lapora-Device");
    }
  });
});

describe("the bot traps", () => {
  const limits = { minFillSeconds: 4 };
  it.each([
    [{ website: "", fillSeconds: 30 }, null],
    [{ fillSeconds: 4 }, null],
    [{ website: "http://x", fillSeconds: 30 }, "honeypot"],
    [{ website: "", fillSeconds: 3.9 }, "fill-time"],
    [{}, "fill-time"],
    [undefined, "no-form"],
  ])("%j -> %s", (form, trap) => {
    expect(trapOf(form, limits)).toBe(trap);
  });

  it("refuse a form that is not the web app's shape, naming the field", () => {
    expect(() => trapOf({ fillSeconds: "slow" }, limits)).toThrow(ValidationError);
    expect(() => trapOf("form", limits)).toThrow(ValidationError);
  });
});
