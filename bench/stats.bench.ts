/**
 * Weekly statistics: does the job's cost follow the week's size, not the table's? Seeds a big table
 * (BENCH_STATS_BIG = 200,000 reports over 40 weeks) and a small one (BENCH_STATS_SMALL = 20,000 over 4
 * weeks), both with about the same number of reports in the measured week, then times Stats.runWeek on
 * each (BENCH_STATS_RUNS = 5 runs, median) against DynamoDB Local, s3rver and fauxqs. Target in the
 * issue: big/small ≤ 1.3×. Also reports the items DynamoDB read against the items in the weeks read.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Report, Stats } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import * as Dynamo from "@lapora/core/dynamo";
import { startDynamoLocal } from "@lapora/local/emulators/dynamodb";
import { startS3Local } from "@lapora/local/emulators/s3";
import { startSnsLocal } from "@lapora/local/emulators/sns";
import { envNumber, quantile, round } from "./lib/stats";

const CATEGORIES = Report.CATEGORIES;
const PLACES = [
  ["16.06.01", "16.06.01.1011"],
  ["16.06.01", "16.06.01.1012"],
  ["16.06.09", "16.06.09.1016"],
  ["16.06.07", "16.06.07.1001"],
] as const;
const MEASURED_WEEK = "2026-W47";

/** Writes `total` reports spread evenly over `weeks` weeks ending with the measured week. */
async function seed(
  client: ReturnType<typeof Aws.createDocumentClient>,
  table: string,
  total: number,
  weeks: number,
) {
  const { report } = Dynamo.createService(client, table).entities;
  const end = Date.parse(Stats.weekRange(MEASURED_WEEK).end);
  const span = weeks * 7 * 86_400_000;
  const batch: Report.Report[] = [];
  const flushes: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const at = new Date(end - span + Math.floor(((i + 0.5) / total) * span));
    const [kecamatan, desa] = PLACES[i % PLACES.length] ?? PLACES[0];
    const r = Report.create(
      {
        category: CATEGORIES[i % CATEGORIES.length] ?? "lainnya",
        happeningNow: i % 7 === 0,
        kecamatan,
        desa,
        occurredAt: at.toISOString(),
        description: "Laporan contoh untuk mengukur statistik mingguan.",
        reporter: { anonymous: true },
      },
      at,
      `b${i}`,
      `LPR-BBBB-BBBB-BBBB-${i}`,
    );
    batch.push(
      i % 3 === 0
        ? {
            ...r,
            status: "diverifikasi",
            timeline: [
              ...r.timeline,
              { at: new Date(at.getTime() + 900_000).toISOString(), status: "diverifikasi" },
            ],
          }
        : r,
    );
    if (batch.length === 500) {
      flushes.push(report.put(batch.splice(0)).go({ concurrency: 4 }));
      if (flushes.length >= 4) await Promise.all(flushes.splice(0));
    }
  }
  flushes.push(report.put(batch.splice(0)).go({ concurrency: 4 }));
  await Promise.all(flushes);
}

interface TableResult {
  reports: number;
  seedSeconds: number;
  medianMs: number;
  p90Ms: number;
  /** Items DynamoDB read (Query ScannedCount) for the week and the previous one. */
  itemsRead: number;
  /** Reports created in those two weeks. */
  itemsInWeeks: number;
  /** Reports in the measured week. */
  week: number;
}

export async function run(): Promise<Record<string, unknown>> {
  const big = envNumber("BENCH_STATS_BIG", 200_000);
  const small = envNumber("BENCH_STATS_SMALL", 20_000);
  const runs = envNumber("BENCH_STATS_RUNS", 5);
  const dir = mkdtempSync(join(tmpdir(), "lapora-bench-stats-"));
  const s3 = await startS3Local({ directory: dir, buckets: ["bench-open-data"] });
  const sns = await startSnsLocal({ topicName: "bench-summaries" });
  const files = Aws.createS3OpenDataStore(Aws.createS3Client({ endpoint: s3.endpoint }), "bench-open-data");
  const summaries = Aws.createSnsSummaryPublisher(
    Aws.createSnsClient({ endpoint: sns.endpoint }),
    sns.topicArn,
  );
  // Small first, each in a fresh DynamoDB Local: DynamoDB Local (SQLite underneath) slows down as a whole
  // once it holds 200k items, which would blur a comparison meant to be about one table's size.
  const tables = { small: { n: small, weeks: 4 }, big: { n: big, weeks: 40 } } as const;
  const out: Record<string, TableResult> = {};
  try {
    for (const [name, t] of Object.entries(tables)) {
      const table = `bench-stats-${name}`;
      const dynamo = await startDynamoLocal();
      const client = Aws.createDocumentClient({ endpoint: dynamo.endpoint });
      try {
        await Dynamo.ensureTable(dynamo.endpoint, table);
        const t0 = performance.now();
        await seed(client, table, t.n, t.weeks);
        const seedSeconds = (performance.now() - t0) / 1000;
        const deps: Stats.StatsDeps = {
          stats: Dynamo.createDynamoStatsStore(client, table),
          files,
          summaries,
        };
        await Stats.runWeek(deps, MEASURED_WEEK); // warm-up
        const times: number[] = [];
        let last: Awaited<ReturnType<typeof Stats.runWeek>> | undefined;
        for (let i = 0; i < runs; i++) {
          const s = performance.now();
          last = await Stats.runWeek(deps, MEASURED_WEEK);
          times.push(performance.now() - s);
        }
        if (!last) throw new Error("no run");
        out[name] = {
          reports: t.n,
          seedSeconds: round(seedSeconds, 1),
          medianMs: round(quantile(times, 0.5), 1),
          p90Ms: round(quantile(times, 0.9), 1),
          itemsRead: last.itemsRead,
          itemsInWeeks: last.stats.total + (last.stats.previous?.total ?? 0),
          week: last.stats.total,
        };
        console.log(
          `  ${name}: ${t.n} reports seeded in ${round(seedSeconds, 1)} s; job median ${out[name]?.medianMs} ms`,
        );
      } finally {
        client.destroy();
        await dynamo.stop();
      }
    }
    const ratio = (out.big?.medianMs ?? Number.NaN) / (out.small?.medianMs ?? Number.NaN);
    return {
      week: MEASURED_WEEK,
      ratioBigOverSmall: round(ratio, 2),
      target: "≤ 1.3",
      met: ratio <= 1.3,
      tables: out,
    };
  } finally {
    await Promise.allSettled([s3.stop(), sns.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
