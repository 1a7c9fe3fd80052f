import type { Category } from "../report/category";
import type { Priority } from "../report/priority";
import type { Status } from "../report/status";
import type { Durations, WeeklyStats } from "./aggregate";
import type { Satisfaction, TargetShare } from "./satisfaction";

/** A published count: exact from 3 up, "<3" for 1 or 2 (a small count can point at a person), 0 as is. */
export type Cell = number | "<3";

/** Response-time figures need this many cases, or they are "not enough data". */
export const MIN_CASES_FOR_TIMES = 5;

/** The public figures of a week: kecamatan level at most, small cells hidden. */
export interface PublicWeeklyStats {
  week: string;
  start: string;
  end: string;
  generatedAt: string;
  total: Cell;
  byCategory: Record<Category, Cell>;
  byPriority: Record<Priority, Cell>;
  byStatus: Record<Status, Cell>;
  byKecamatan: { code: string; name: string; count: Cell }[];
  responseTimes: { verify: PublicDurations; resolve: PublicDurations };
  /** Change in total from the previous week; null when either week's total is hidden. */
  change: { previousWeek: string; previousTotal: Cell; delta: number | null } | null;
  /** The reporters' say, overall and per kecamatan, only from 5 answers, like response times. */
  satisfaction?: {
    all: PublicSatisfaction;
    byKecamatan: ({ code: string; name: string } & PublicSatisfaction)[];
  };
  /** The shares within the service targets, only from 5 cases. */
  withinTarget?: { verify: PublicShare; resolve: PublicShare };
}

export type PublicSatisfaction =
  | { enoughData: true; n: number; satisfiedShare: number; medianRating: number }
  | { enoughData: false; n: Cell };
export type PublicShare = { enoughData: true; n: number; share: number } | { enoughData: false; n: Cell };

function said(s: Satisfaction): PublicSatisfaction {
  return s.n < MIN_CASES_FOR_TIMES || s.satisfiedShare === null || s.medianRating === null
    ? { enoughData: false, n: cell(s.n) }
    : { enoughData: true, n: s.n, satisfiedShare: s.satisfiedShare, medianRating: s.medianRating };
}

function shareOf(t: TargetShare): PublicShare {
  return t.n < MIN_CASES_FOR_TIMES || t.share === null
    ? { enoughData: false, n: cell(t.n) }
    : { enoughData: true, n: t.n, share: t.share };
}

export type PublicDurations =
  | { enoughData: true; n: number; medianSeconds: number; p90Seconds: number }
  | { enoughData: false; n: Cell };

/** The rule for one count. */
export function cell(n: number): Cell {
  return n === 1 || n === 2 ? "<3" : n;
}

const cells = <K extends string>(r: Record<K, number>) =>
  Object.fromEntries(Object.entries<number>(r).map(([k, v]) => [k, cell(v)])) as Record<K, Cell>;

function durations(d: Durations): PublicDurations {
  if (d.n < MIN_CASES_FOR_TIMES || d.medianSeconds === null || d.p90Seconds === null) {
    return { enoughData: false, n: cell(d.n) };
  }
  return { enoughData: true, n: d.n, medianSeconds: d.medianSeconds, p90Seconds: d.p90Seconds };
}

/**
 * Applies the publication rules to a week's figures: no desa, counts of 1–2 shown as "<3", response
 * times only from 5 cases, and no change figure that would reveal a hidden count.
 */
export function toPublic(stats: WeeklyStats): PublicWeeklyStats {
  const prev = stats.previous;
  const hidden = (n: number) => n === 1 || n === 2;
  return {
    week: stats.week,
    start: stats.start,
    end: stats.end,
    generatedAt: stats.generatedAt,
    total: cell(stats.total),
    byCategory: cells(stats.byCategory),
    byPriority: cells(stats.byPriority),
    byStatus: cells(stats.byStatus),
    byKecamatan: stats.byKecamatan.map(({ code, name, count }) => ({ code, name, count: cell(count) })),
    responseTimes: {
      verify: durations(stats.responseTimes.verify),
      resolve: durations(stats.responseTimes.resolve),
    },
    change: prev
      ? {
          previousWeek: prev.week,
          previousTotal: cell(prev.total),
          delta: hidden(prev.total) || hidden(stats.total) ? null : stats.total - prev.total,
        }
      : null,
    ...(stats.satisfaction
      ? {
          satisfaction: {
            all: said(stats.satisfaction.all),
            byKecamatan: stats.satisfaction.byKecamatan.map(({ code, name, ...s }) => ({
              code,
              name,
              ...said(s),
            })),
          },
        }
      : {}),
    ...(stats.withinTarget
      ? {
          withinTarget: {
            verify: shareOf(stats.withinTarget.verify),
            resolve: shareOf(stats.withinTarget.resolve),
          },
        }
      : {}),
  };
}

/** The public figures as CSV open data: one row per figure, `dimension,code,name,value`. */
export function toCsv(p: PublicWeeklyStats): string {
  const rows: string[][] = [["week", "dimension", "code", "name", "value"]];
  const add = (dimension: string, code: string, name: string, value: Cell | number | null) =>
    rows.push([p.week, dimension, code, name, value === null ? "" : String(value)]);
  add("total", "", "", p.total);
  for (const [k, v] of Object.entries(p.byCategory)) add("category", k, k, v);
  for (const [k, v] of Object.entries(p.byPriority)) add("priority", k, k, v);
  for (const [k, v] of Object.entries(p.byStatus)) add("status", k, k, v);
  for (const k of p.byKecamatan) add("kecamatan", k.code, k.name, k.count);
  if (p.satisfaction) {
    const rowsOf = (code: string, name: string, s: PublicSatisfaction) => {
      add("satisfaction_answers", code, name, s.n);
      add("satisfied_share", code, name, s.enoughData ? s.satisfiedShare : null);
      add("median_rating", code, name, s.enoughData ? s.medianRating : null);
    };
    rowsOf("", "", p.satisfaction.all);
    for (const k of p.satisfaction.byKecamatan) rowsOf(k.code, k.name, k);
  }
  if (p.withinTarget)
    for (const [k, s] of Object.entries(p.withinTarget)) {
      add(`${k}_target_cases`, "", "", s.n);
      add(`${k}_within_target_share`, "", "", s.enoughData ? s.share : null);
    }
  for (const [k, d] of Object.entries(p.responseTimes)) {
    add(`${k}_cases`, "", "", d.n);
    add(`${k}_median_seconds`, "", "", d.enoughData ? d.medianSeconds : null);
    add(`${k}_p90_seconds`, "", "", d.enoughData ? d.p90Seconds : null);
  }
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${rows.map((r) => r.map(quote).join(",")).join("\n")}\n`;
}
