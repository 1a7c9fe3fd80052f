/**
 * Running a scheduled job of a deployed stage by hand, with the event its handler accepts:
 * `weekly-stats` with `{ week }` (packages/functions/src/jobs/weekly-stats.ts recomputes and republishes
 * any week from the table), `contact-retention` with `{ time }` or nothing (it erases what is due by then).
 * The answer is the function's own: counts, never a reporter's data.
 */
import { Stats } from "@lapora/core";
import type { Invoke } from "./invoke";

/** The event of a weekly-stats run for `week` (ISO week, e.g. 2026-W47); throws on anything else. */
export function weeklyStatsEvent(week: string | undefined): { week: string } {
  if (!week || !Stats.parseWeek(week))
    throw new Error(`--week needs an ISO week such as 2026-W47, not "${week ?? ""}".`);
  return { week };
}

/** The event of a contact-retention run, at `time` (an ISO time) or now. */
export function retentionEvent(time: string | undefined): { time?: string } {
  if (time === undefined) return {};
  const at = Date.parse(time);
  if (Number.isNaN(at))
    throw new Error(`--time needs an ISO time such as 2026-12-01T02:00:00+07:00, not "${time}".`);
  return { time: new Date(at).toISOString() };
}

/** Runs the function with the event and answers what it answered, as one JSON line. */
export async function runJob(invoke: Invoke, functionName: string, event: object): Promise<string> {
  return JSON.stringify(await invoke(functionName, event));
}
