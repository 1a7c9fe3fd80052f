import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastCompletedWeek, parseWeek, previousWeek, weekOf, weekRange, weeksInYear } from "./week";

describe("ISO weeks in WIB", () => {
  it("puts 23:59 Sunday WIB in the week ending and 00:00 Monday WIB in the next", () => {
    // Sunday 2026-11-22 23:59 WIB = 16:59 UTC; Monday 2026-11-23 00:00 WIB = 17:00 UTC on the Sunday.
    expect(weekOf("2026-11-22T16:59:59.999Z")).toBe("2026-W47");
    expect(weekOf("2026-11-22T17:00:00.000Z")).toBe("2026-W48");
    expect(weekRange("2026-W48")).toMatchObject({
      start: "2026-11-22T17:00:00.000Z",
      end: "2026-11-29T17:00:00.000Z",
    });
  });

  it("knows week 53 and the weeks that belong to the neighbouring year", () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
    expect(weekOf("2027-01-01T05:00:00Z")).toBe("2026-W53");
    expect(weekRange("2026-W53").days).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
    expect(weekOf("2024-12-30T05:00:00Z")).toBe("2025-W01");
    expect(parseWeek("2025-W53")).toBeUndefined();
    expect(previousWeek("2027-W01")).toBe("2026-W53");
  });

  it("is the week whose range contains the instant, for any instant", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (d) => {
          const w = weekOf(d);
          const { start, end, days } = weekRange(w);
          expect(Date.parse(start)).toBeLessThanOrEqual(d.getTime());
          expect(d.getTime()).toBeLessThan(Date.parse(end));
          expect(days).toHaveLength(7);
          expect(new Date(`${days[0]}T00:00:00Z`).getUTCDay()).toBe(1);
        },
      ),
    );
  });

  it("publishes last week's figures on Monday 00:05 WIB", () => {
    expect(lastCompletedWeek(new Date("2026-11-22T17:05:00Z"))).toBe("2026-W47");
  });
});
