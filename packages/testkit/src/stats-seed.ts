import { Report, Reporter, Stats } from "@lapora/core";
import type { ApiDeps } from "@lapora/functions/api/app";
import { createLocalStatsDeps } from "@lapora/local/stats";
import { inject } from "vitest";

/** One seeded report for statistics tests: when, what, where, and how fast officers acted on it. */
export interface StatsSeed {
  at: string;
  category: Report.Category;
  place: { kecamatan: string; desa: string };
  /** Minutes after creation that an officer verified it, and (optionally) resolved it. */
  verify?: number;
  resolve?: number;
  /** The reporter's say a day after it was resolved (needs `resolve`). */
  say?: { satisfied: boolean; rating: number };
}

const SPKT = { nrp: "80010001", role: "spkt" as const };

/**
 * Writes the reports (through the store and the triage steps, as officers would), then runs the
 * weekly-stats job for each week, so the figures come from the same code as in production.
 */
export async function seedAndPublish(
  deps: ApiDeps,
  seeds: readonly StatsSeed[],
  weeks: readonly string[],
  prefix: string,
) {
  for (const [i, s] of seeds.entries()) {
    const created = new Date(s.at);
    let r = Report.create(
      {
        category: s.category,
        happeningNow: false,
        occurredAt: s.at,
        description: "Laporan contoh untuk statistik mingguan.",
        reporter: { anonymous: true },
        ...s.place,
      },
      created,
      `${prefix}-${i}`,
      `LPR-${prefix.slice(0, 4).toUpperCase().padEnd(4, "X")}-STAT-ST${String(i).padStart(2, "0")}-0`,
    );
    await deps.reports.create(r);
    const minutes = (m: number) => new Date(created.getTime() + m * 60_000);
    const steps: [Report.TriageCommand, Date][] = [];
    if (s.verify !== undefined) steps.push([{ action: "verify", version: 1 }, minutes(s.verify)]);
    if (s.resolve !== undefined) {
      steps.push([{ action: "start", version: 2 }, minutes(s.resolve - 1)]);
      steps.push([{ action: "resolve", version: 3, note: "Selesai." }, minutes(s.resolve)]);
    }
    for (const [cmd, at] of steps) {
      const next = Report.applyCommand(r, cmd, SPKT, at);
      await deps.reports.update(next.report, r.version, next.audit);
      r = next.report;
    }
    if (s.say && s.resolve !== undefined) {
      const said = await Reporter.giveSay(deps.reports, r, s.say, minutes(s.resolve + 24 * 60));
      r = said.report;
    }
  }
  const statsDeps = await createLocalStatsDeps(deps, inject("snsEndpoint"));
  for (const week of weeks) await Stats.runWeek(statsDeps, week);
}
