import { describe, expect, it } from "vitest";
import { formatWib, fromWibInput, toWibInput } from "./time";

// 07:05 UTC is 14:05 in WIB (UTC+7), whatever time zone the machine running the test is in.
const AT = "2025-12-03T07:05:00Z";

describe("formatWib", () => {
  it("shows the date and time in WIB, in Indonesian or English, long or short", () => {
    expect(formatWib(AT, "id")).toMatch(/^3 Desember 2025\D+14\.05 WIB$/);
    expect(formatWib(AT, "en")).toMatch(/^3 December 2025\D+14:05 WIB$/);
    expect(formatWib(AT, "id", "short")).toMatch(/^3 Des 2025\D+14\.05 WIB$/);
    expect(formatWib(AT, "en", "short")).toMatch(/^3 Dec 2025\D+14:05 WIB$/);
  });

  it("crosses midnight in WIB, not in UTC", () => {
    expect(formatWib("2025-12-31T17:30:00Z", "en")).toMatch(/^1 January 2026\D+00:30 WIB$/);
  });

  it("shows a value that is not a time as it is", () => {
    expect(formatWib("kemarin sore", "id")).toBe("kemarin sore");
  });
});

describe("datetime-local values in WIB", () => {
  it("fills the input with the WIB wall-clock time of a moment", () => {
    expect(toWibInput(new Date(AT))).toBe("2025-12-03T14:05");
    expect(toWibInput(new Date("2025-12-31T17:30:00Z"))).toBe("2026-01-01T00:30");
  });

  it("reads the input back as WIB, with or without seconds", () => {
    expect(fromWibInput("2025-12-03T14:05")).toBe("2025-12-03T14:05:00+07:00");
    expect(fromWibInput("2025-12-03T14:05:30")).toBe("2025-12-03T14:05:30+07:00");
    expect(Date.parse(fromWibInput(toWibInput(new Date(AT))) ?? "")).toBe(Date.parse(AT));
  });

  it("gives nothing for an empty or malformed value", () => {
    expect(fromWibInput("")).toBeUndefined();
    expect(fromWibInput("3/12/2025 14:05")).toBeUndefined();
  });
});
