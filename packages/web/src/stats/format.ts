import { type Lang, parseWeek, weekRange } from "@lapora/core/browser";
import type { Cell } from "./data";
import type { StatsStrings } from "./strings";

const LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-GB" };
const DAY_MS = 86_400_000;

/** "<3" stays "<3"; other counts get the language's digit grouping. */
export function formatCell(c: Cell, lang: Lang): string {
  return c === "<3" ? "<3" : c.toLocaleString(LOCALE[lang]);
}

/**
 * How far a bar reaches, and where a row sorts: a hidden count is drawn at its upper bound, 2, and
 * marked as hidden, so a bar is never longer than the truth allows.
 */
export const cellSize = (c: Cell): number => (c === "<3" ? 2 : c);

const ranges = new Map<string, Intl.DateTimeFormat>();

/**
 * A week's Monday to Sunday in WIB: "16–22 November 2026", `medium` "16–22 Nov 2026", `short`
 * "16–22 Nov". The dates are read in Asia/Jakarta, so a phone in another time zone sees the WIB days.
 */
export function formatWeek(week: string, lang: Lang, style: "long" | "medium" | "short" = "long"): string {
  if (!parseWeek(week)) return week;
  const key = `${lang}-${style}`;
  let f = ranges.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], {
      timeZone: "Asia/Jakarta",
      day: "numeric",
      month: style === "long" ? "long" : "short",
      ...(style === "short" ? {} : { year: "numeric" }),
    });
    ranges.set(key, f);
  }
  const { start, end } = weekRange(week);
  return f.formatRange(new Date(start), new Date(Date.parse(end) - DAY_MS));
}

/** A duration as people say it: "35 menit", "5 jam 20 menit", "2 hari 4 jam". */
export function formatDuration(seconds: number, s: StatsStrings["times"]): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return s.underMinute;
  if (minutes < 60) return s.minutes(minutes);
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? s.hours(h) : `${s.hours(h)} ${s.minutes(m)}`;
  }
  const hours = Math.round(minutes / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? s.days(d) : `${s.days(d)} ${s.hours(h)}`;
}
