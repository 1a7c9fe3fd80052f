import { WIB_OFFSET_MS } from "../time";

const DAY_MS = 86_400_000;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** A week as ISO 8601 names it, `2026-W47`: Monday to Sunday, here in WIB. */
export type IsoWeek = `${number}-W${string}`;

/** The Monday (UTC date at midnight) of ISO week 1 of `year`: the week with the year's first Thursday. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY_MS;
}

/** The number of ISO weeks in `year`: 53 when it has 53 Thursdays' worth, else 52. */
export function weeksInYear(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY_MS));
}

/** The ISO week an instant falls in, by the WIB calendar. */
export function weekOf(at: Date | string): IsoWeek {
  const wib = (typeof at === "string" ? Date.parse(at) : at.getTime()) + WIB_OFFSET_MS;
  const day = Math.floor(wib / DAY_MS) * DAY_MS;
  let year = new Date(day).getUTCFullYear() + 1;
  while (week1Monday(year) > day) year--;
  const n = Math.floor((day - week1Monday(year)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(n).padStart(2, "0")}` as IsoWeek;
}

/** Parses `2026-W47`, refusing week numbers the year does not have. */
export function parseWeek(week: string): { year: number; week: number } | undefined {
  const m = WEEK.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  return n >= 1 && n <= weeksInYear(year) ? { year, week: n } : undefined;
}

/**
 * The week's bounds: from Monday 00:00 WIB (inclusive) to the next Monday 00:00 WIB (exclusive), as
 * instants, and its seven WIB days (`yyyy-mm-dd`), which are the partitions of the day index.
 */
export function weekRange(week: string): { start: string; end: string; days: string[] } {
  const parsed = parseWeek(week);
  if (!parsed) throw new RangeError(`Not an ISO week: ${week}`);
  const monday = week1Monday(parsed.year) + (parsed.week - 1) * 7 * DAY_MS;
  const days = Array.from({ length: 7 }, (_, i) => new Date(monday + i * DAY_MS).toISOString().slice(0, 10));
  return {
    start: new Date(monday - WIB_OFFSET_MS).toISOString(),
    end: new Date(monday + 7 * DAY_MS - WIB_OFFSET_MS).toISOString(),
    days,
  };
}

/** The week before. */
export function previousWeek(week: string): IsoWeek {
  return weekOf(new Date(Date.parse(weekRange(week).start) - DAY_MS));
}

/** The week that ended most recently at `now`: what the Monday 00:05 WIB run publishes. */
export function lastCompletedWeek(now: Date): IsoWeek {
  return previousWeek(weekOf(now));
}
