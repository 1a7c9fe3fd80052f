import { canReadFullStats, ensure } from "../access/policy";
import { NotFoundError, ValidationError } from "../errors";
import type { Officer } from "../officer/types";
import { computeWeek, type WeeklyStats } from "./aggregate";
import { openDataKey, openDataType } from "./open-data";
import { type PublicWeeklyStats, toCsv, toPublic } from "./publish";
import type { OpenDataStore, SummaryPublisher } from "./publishing";
import type { StatsStore } from "./store";
import { parseWeek, previousWeek } from "./week";

export interface StatsDeps {
  stats: StatsStore;
  files: OpenDataStore;
  summaries: SummaryPublisher;
}

function requireWeek(week: string): void {
  if (!parseWeek(week)) {
    const message = "A week is written like 2026-W47.";
    throw new ValidationError(message, [{ field: "week", code: "week.invalid", message }]);
  }
}

/** The leadership's one-paragraph summary, in Indonesian. */
export function summaryText(s: WeeklyStats): string {
  const change = s.previous ? s.total - s.previous.total : null;
  const top = Object.entries(s.byCategory)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([c, n]) => `${c} ${n}`)
    .join(", ");
  const minutes = (x: number | null) => (x === null ? "-" : `${Math.round(x / 60)} menit`);
  return [
    `Lapora ${s.week}: ${s.total} laporan${change === null ? "" : ` (${change >= 0 ? "+" : ""}${change} dari minggu lalu)`}.`,
    top ? `Terbanyak: ${top}.` : "",
    `Median waktu verifikasi ${minutes(s.responseTimes.verify.medianSeconds)}, penyelesaian ${minutes(s.responseTimes.resolve.medianSeconds)}.`,
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * Computes and publishes one ISO week (Monday to Sunday, WIB): reads only that week's and the previous
 * week's day partitions, stores the full figures, writes the public JSON and CSV, and sends the summary.
 * Running it again for the same week overwrites everything with the same figures.
 */
export async function runWeek(deps: StatsDeps, week: string, at = new Date()) {
  requireWeek(week);
  const [current, previous] = await Promise.all([
    deps.stats.readWeek(week),
    deps.stats.readWeek(previousWeek(week)),
  ]);
  const stats = computeWeek(week, current.reports, previous.reports, at);
  const open = toPublic(stats);
  await deps.stats.save(stats);
  await Promise.all([
    deps.files.put(openDataKey(week, "json"), JSON.stringify(open), openDataType("json")),
    deps.files.put(openDataKey(week, "csv"), toCsv(open), openDataType("csv")),
  ]);
  await deps.summaries.publish(`Statistik Lapora ${week}`, summaryText(stats));
  return { stats, public: open, itemsRead: current.itemsRead + previous.itemsRead, itemsInWeek: stats.total };
}

/** The published figures of a week, as the public may see them. */
export async function getPublic(stats: StatsStore, week: string): Promise<PublicWeeklyStats> {
  requireWeek(week);
  const s = await stats.get(week);
  if (!s) throw new NotFoundError(`No statistics have been published for ${week}.`);
  return toPublic(s);
}

/** The full figures of a week, down to desa: for pimpinan and SPKT only. */
export async function getFull(stats: StatsStore, officer: Officer, week: string): Promise<WeeklyStats> {
  ensure(canReadFullStats(officer), "Only pimpinan and SPKT see the full weekly figures.");
  requireWeek(week);
  const s = await stats.get(week);
  if (!s) throw new NotFoundError(`No statistics have been published for ${week}.`);
  return s;
}
