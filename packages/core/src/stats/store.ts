/**
 * Where weekly statistics come from and go to.
 *
 * Access patterns (one table, see db/table.ts):
 * - a week's reports: the day index (gsi1), one Query per WIB day, never a Scan
 * - figures of a week:     pk = $lapora#week_{yyyy-Www}, sk = $weeklystats_1
 * - all published weeks:   gsi3pk = weekly-stats, gsi3sk = $weeklystats_1#week_{yyyy-Www}
 */
import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { Entity } from "electrodb";
import { TABLE } from "../db/table";
import { createEntities } from "../report/entities";
import type { Report } from "../report/types";
import type { WeeklyStats } from "./aggregate";
import { weekRange } from "./week";

export interface StatsStore {
  /** The reports created in the week's seven WIB days, and how many items DynamoDB read for them. */
  readWeek(week: string): Promise<{ reports: Report[]; itemsRead: number }>;
  save(stats: WeeklyStats): Promise<void>;
  get(week: string): Promise<WeeklyStats | undefined>;
  /** Weeks with published figures, newest first. */
  listWeeks(): Promise<string[]>;
}

export function createDynamoStatsStore(client: DynamoDBDocumentClient, table: string): StatsStore {
  const { report } = createEntities(client, table).entities;
  const primary = { pk: { field: TABLE.partitionKey }, sk: { field: TABLE.sortKey } } as const;
  const weekly = new Entity(
    {
      model: { entity: "weeklyStats", version: "1", service: "lapora" },
      attributes: {
        week: { type: "string", required: true, readOnly: true },
        figures: { type: "any", required: true },
      },
      indexes: {
        byWeek: {
          ...primary,
          pk: { ...primary.pk, composite: ["week"] },
          sk: { ...primary.sk, composite: [] },
        },
        all: {
          index: TABLE.gsi3.name,
          pk: { field: TABLE.gsi3.partitionKey, composite: [], template: "weekly-stats" },
          sk: { field: TABLE.gsi3.sortKey, composite: ["week"] },
        },
      },
    },
    { client, table },
  );

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
