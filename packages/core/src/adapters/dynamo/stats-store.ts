import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { createService } from "../../db/service";
import type { Report } from "../../report/types";
import type { WeeklyStats } from "../../stats/aggregate";
import type { StatsStore } from "../../stats/store";
import { weekRange } from "../../stats/week";

/**
 * The DynamoDB adapter of StatsStore: a week's reports from the day index (gsi1), one Query per WIB day,
 * never a Scan; the figures as one item per week.
 */
export function createDynamoStatsStore(client: DynamoDBDocumentClient, table: string): StatsStore {
  const { report, weeklyStats: weekly } = createService(client, table).entities;

  async function readDay(day: string): Promise<{ items: Record<string, unknown>[]; scanned: number }> {
    // ElectroDB builds the Query; it runs here so ScannedCount (items read) can be reported.
    const params = report.query.byDay({ createdDay: day }).params();
    const items: Record<string, unknown>[] = [];
    let scanned = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new QueryCommand({ ...params, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      scanned += page.ScannedCount ?? 0;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return { items, scanned };
  }

  return {
    async readWeek(week) {
      const days = await Promise.all(weekRange(week).days.map(readDay));
      const { data } = report.parse({ Items: days.flatMap((d) => d.items) });
      return { reports: data as Report[], itemsRead: days.reduce((n, d) => n + d.scanned, 0) };
    },
    async save(stats) {
      await weekly.put({ week: stats.week, figures: stats }).go();
    },
    async get(week) {
      const { data } = await weekly.get({ week }).go();
      return (data?.figures as WeeklyStats | undefined) ?? undefined;
    },
    async listWeeks() {
      const { data } = await weekly.query.all({}).go({ pages: "all", order: "desc", attributes: ["week"] });
      return data.map((d) => d.week);
    },
  };
}
