import type { Cell, PublicDurations } from "@lapora/core/browser";
import type { AnswerOf } from "@lapora/core/contract";
import { call } from "../lib/api";

/** A week's public figures (`GET /api/stats/weekly/{week}`), as the contract declares them. */
export type PublicWeeklyStats = AnswerOf<"statsWeek", 200>;
export type { Cell, PublicDurations };

export type WeeksResult = { kind: "ok"; weeks: string[] } | { kind: "failed" };
export type WeekResult =
  | { kind: "ok"; stats: PublicWeeklyStats }
  | { kind: "not_found" }
  | { kind: "failed" };

const WEEK = /^\d{4}-W\d{2}$/;

export const isCell = (v: unknown): v is Cell =>
  v === "<3" || (typeof v === "number" && Number.isInteger(v) && v >= 0);

const isCells = (r: unknown): r is Record<string, Cell> =>
  typeof r === "object" && r !== null && Object.values(r).every(isCell);

function isDurations(d: unknown): d is PublicDurations {
  if (typeof d !== "object" || d === null) return false;
  const v = d as Record<string, unknown>;
  if (v.enoughData === false) return isCell(v.n);
  return (
    v.enoughData === true &&
    typeof v.n === "number" &&
    typeof v.medianSeconds === "number" &&
    typeof v.p90Seconds === "number"
  );
}

// The page draws every figure it gets: a body of another shape (an API ahead of this build, a proxy's
// error page) must become "could not load", not a chart of nonsense.
export function isWeeklyStats(x: unknown): x is PublicWeeklyStats {
  if (typeof x !== "object" || x === null) return false;
  const v = x as Record<string, unknown>;
  const times = v.responseTimes as Record<string, unknown> | undefined;
  const change = v.change as Record<string, unknown> | null | undefined;
  return (
    typeof v.week === "string" &&
    WEEK.test(v.week) &&
    typeof v.start === "string" &&
    typeof v.end === "string" &&
    typeof v.generatedAt === "string" &&
    isCell(v.total) &&
    isCells(v.byCategory) &&
    isCells(v.byStatus) &&
    Array.isArray(v.byKecamatan) &&
    v.byKecamatan.every(
      (k: Record<string, unknown>) =>
        typeof k.code === "string" && typeof k.name === "string" && isCell(k.count),
    ) &&
    typeof times === "object" &&
    isDurations(times.verify) &&
    isDurations(times.resolve) &&
    (change === null ||
      (typeof change === "object" &&
        typeof change.previousWeek === "string" &&
        isCell(change.previousTotal) &&
        (change.delta === null || typeof change.delta === "number")))
  );
}

let weeks: Promise<WeeksResult> | undefined;
const byWeek = new Map<string, Promise<WeekResult>>();

/** The published weeks, newest first. Kept for the page's lifetime; a failure is not kept. */
export function loadWeeks(): Promise<WeeksResult> {
  weeks ??= call<{ weeks?: unknown }>("GET", "/api/stats/weeks").then((res) => {
    const list = res.kind === "ok" ? res.data?.weeks : undefined;
    if (Array.isArray(list) && list.every((w) => typeof w === "string" && WEEK.test(w))) {
      return { kind: "ok", weeks: list };
    }
    weeks = undefined;
    return { kind: "failed" };
  });
  return weeks;
}

/** One week's public figures. Published weeks do not change, so each is fetched once. */
export function loadWeek(week: string): Promise<WeekResult> {
  let result = byWeek.get(week);
  if (!result) {
    result = call<unknown>("GET", `/api/stats/weekly/${encodeURIComponent(week)}`).then((res): WeekResult => {
      if (res.kind === "not_found" || res.kind === "invalid") return { kind: "not_found" };
      if (res.kind === "ok" && isWeeklyStats(res.data)) return { kind: "ok", stats: res.data };
      byWeek.delete(week);
      return { kind: "failed" };
    });
    byWeek.set(week, result);
  }
  return result;
}

/** The open-data files of a week. */
export const fileUrl = (week: string, type: "json" | "csv") =>
  `/api/stats/files/${encodeURIComponent(week)}.${type}`;
