import { findDesa, findKecamatan, listKecamatan } from "../region/region";
import { CATEGORIES, type Category } from "../report/category";
import { PRIORITIES, type Priority } from "../report/priority";
import { STATUSES, type Status } from "../report/status";
import type { Report } from "../report/types";
import { median } from "./median";
import {
  type Satisfaction,
  satisfactionByKecamatan,
  satisfactionOf,
  type TargetShare,
  withinTarget,
} from "./satisfaction";
import { previousWeek, weekRange } from "./week";

/** Response times of a group of reports, in seconds. */
export interface Durations {
  n: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** A week's full figures, down to desa level: the leadership view, and the source of the public one. */
export interface WeeklyStats {
  week: string;
  start: string;
  end: string;
  generatedAt: string;
  total: number;
  byCategory: Record<Category, number>;
  byPriority: Record<Priority, number>;
  byStatus: Record<Status, number>;
  byKecamatan: { code: string; name: string; count: number }[];
  byDesa: { code: string; name: string; kecamatan: string; count: number }[];
  /** Created to verified, and created to resolved, over the week's reports that got there. */
  responseTimes: { verify: Durations; resolve: Durations };
  previous: { week: string; total: number; byCategory: Record<Category, number> } | null;
  /**
   * The week's reports as their reporters judged them when the figures were made (a later run of the week
   * counts later answers): overall and per kecamatan. Absent from weeks made before it existed.
   */
  satisfaction?: { all: Satisfaction; byKecamatan: ({ code: string; name: string } & Satisfaction)[] };
  /** The week's reports against their service targets when the figures were made. */
  withinTarget?: { verify: TargetShare; resolve: TargetShare };
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Median, and the 90th percentile by nearest rank (the smallest value with at least 90% of values at or
 * below it), of a list of seconds. Null for an empty list.
 */
export function summarise(values: readonly number[]): Durations {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n, medianSeconds: null, p90Seconds: null };
  return { n, medianSeconds: median(sorted), p90Seconds: sorted[Math.ceil(0.9 * n) - 1] as number };
}

function verifySeconds(r: Report): number | undefined {
  const verified = r.timeline.find((t) => t.status === "diverifikasi");
  return verified ? Math.round((Date.parse(verified.at) - Date.parse(r.createdAt)) / 1000) : undefined;
}

/**
 * Aggregates the reports created in `week` (by WIB calendar) into its figures: counts by category,
 * priority, current status, kecamatan and desa; response times; and the previous week's totals.
 * Reports outside the week are ignored, so callers may pass what a day-bucket query returned.
 */
export function computeWeek(
  week: string,
  reports: readonly Report[],
  previous: readonly Report[] | null,
  at = new Date(),
): WeeklyStats {
  const { start, end } = weekRange(week);
  const inWeek = reports.filter((r) => r.createdAt >= start && r.createdAt < end);
  const byCategory = zeros(CATEGORIES);
  const byPriority = zeros(PRIORITIES);
  const byStatus = zeros(STATUSES);
  const kecamatan = new Map(listKecamatan().map((k) => [k.code, 0]));
  const desa = new Map<string, number>();
  for (const r of inWeek) {
    byCategory[r.category]++;
    byPriority[r.priority]++;
    byStatus[r.status]++;
    kecamatan.set(r.kecamatan, (kecamatan.get(r.kecamatan) ?? 0) + 1);
    desa.set(r.desa, (desa.get(r.desa) ?? 0) + 1);
  }
  const prev = previous ? computeWeekTotals(previousWeek(week), previous) : null;
  return {
    week,
    start,
    end,
    generatedAt: at.toISOString(),
    total: inWeek.length,
    byCategory,
    byPriority,
    byStatus,
    byKecamatan: [...kecamatan].map(([code, count]) => ({
      code,
      name: findKecamatan(code)?.name ?? code,
      count,
    })),
    byDesa: [...desa]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, count]) => ({
        code,
        name: findDesa(code)?.desa.name ?? code,
        kecamatan: code.slice(0, 8),
        count,
      })),
    responseTimes: {
      verify: summarise(inWeek.map(verifySeconds).filter((s): s is number => s !== undefined)),
      resolve: summarise(inWeek.map((r) => r.secondsToResolve).filter((s): s is number => s !== undefined)),
    },
    previous: prev,
    satisfaction: { all: satisfactionOf(inWeek), byKecamatan: satisfactionByKecamatan(inWeek) },
    withinTarget: withinTarget(inWeek, at),
  };
}

function computeWeekTotals(week: string, reports: readonly Report[]) {
  const { start, end } = weekRange(week);
  const byCategory = zeros(CATEGORIES);
  let total = 0;
  for (const r of reports) {
    if (r.createdAt < start || r.createdAt >= end) continue;
    byCategory[r.category]++;
    total++;
  }
  return { week, total, byCategory };
}
