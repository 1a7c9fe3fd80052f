import { describe, expect, it } from "vitest";
import { stats as en } from "../i18n/en/stats";
import { stats as id } from "../i18n/id/stats";
import { cellSize, formatCell, formatDuration, formatWeek } from "./format";

const MIN = 60;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("counts", () => {
  it("keeps a hidden count as <3 and groups digits as each language does", () => {
    expect(formatCell("<3", "id")).toBe("<3");
    expect(formatCell(1234, "id")).toBe("1.234");
    expect(formatCell(1234, "en")).toBe("1,234");
    expect(formatCell(0, "en")).toBe("0");
  });

  it("draws a hidden count at its upper bound, never longer than the truth allows", () => {
    expect(cellSize("<3")).toBe(2);
    expect(cellSize(7)).toBe(7);
  });
});

describe("weeks", () => {
  it("gives Monday to Sunday in WIB, long, medium or short", () => {
    // ICU puts thin spaces around the dash in some languages and styles.
    expect(formatWeek("2026-W47", "id")).toMatch(/^16\s?–\s?22 November 2026$/);
    expect(formatWeek("2026-W47", "en", "medium")).toMatch(/^16\s?–\s?22 Nov 2026$/);
    expect(formatWeek("2026-W47", "id", "short")).toMatch(/^16\s?–\s?22 Nov$/);
  });

  it("spans two months and two years where the week does", () => {
    expect(formatWeek("2026-W44", "id", "medium")).toMatch(/^26 Okt\s?–\s?1 Nov 2026$/);
    expect(formatWeek("2026-W53", "en")).toMatch(/^28 December 2026\s?–\s?3 January 2027$/);
  });

  it("shows something that is not a week as it is", () => {
    expect(formatWeek("minggu lalu", "id")).toBe("minggu lalu");
  });
});

describe("response times", () => {
  it("says them as people do, in each language", () => {
    expect(formatDuration(20, id.times)).toBe("kurang dari 1 menit");
    expect(formatDuration(35 * MIN, id.times)).toBe("35 menit");
    expect(formatDuration(5 * HOUR + 20 * MIN, id.times)).toBe("5 jam 20 menit");
    expect(formatDuration(2 * DAY + 4 * HOUR, id.times)).toBe("2 hari 4 jam");
    expect(formatDuration(MIN, en.times)).toBe("1 minute");
    expect(formatDuration(HOUR, en.times)).toBe("1 hour");
    expect(formatDuration(3 * DAY, en.times)).toBe("3 days");
  });

  it("counts whole hours up to two days, then days and hours, rounding to the nearest", () => {
    expect(formatDuration(47 * HOUR + 59 * MIN, en.times)).toBe("47 hours 59 minutes");
    expect(formatDuration(48 * HOUR, en.times)).toBe("2 days");
    expect(formatDuration(2 * DAY + 29 * MIN, en.times)).toBe("2 days");
    expect(formatDuration(2 * DAY + 31 * MIN, en.times)).toBe("2 days 1 hour");
  });
});
