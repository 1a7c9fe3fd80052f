import { Aws, Db, Stats } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import * as z from "zod/mini";
import { loadStatsConfig } from "../config";

const config = loadStatsConfig();
const client = Db.createDocumentClient({
  region: config.AWS_REGION,
  ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
});
const deps: Stats.StatsDeps = {
  stats: Dynamo.createDynamoStatsStore(client, config.TABLE_NAME),
  files: Stats.createS3OpenDataStore(
    Aws.createS3Client({ region: config.AWS_REGION }),
    config.OPEN_DATA_BUCKET,
  ),
  summaries: Stats.createSnsSummaryPublisher(
    Aws.createSnsClient({ region: config.AWS_REGION }),
    config.SUMMARY_TOPIC_ARN,
  ),
};

// EventBridge scheduled events carry the scheduled `time`; a manual invoke may name a `week`.
const Event = z.object({ time: z.optional(z.iso.datetime()), week: z.optional(z.string()) });

/** The `weekly-stats` Lambda: Monday 00:05 WIB, for the ISO week just ended. */
export async function handler(event: unknown) {
  const parsed = Event.safeParse(event ?? {});
  if (!parsed.success) throw new Error(`Unexpected event: ${JSON.stringify(event)}`);
  const week = parsed.data.week ?? Stats.lastCompletedWeek(new Date(parsed.data.time ?? Date.now()));
  const result = await Stats.runWeek(deps, week);
  console.log(
    JSON.stringify({ level: "info", week, total: result.stats.total, itemsRead: result.itemsRead }),
  );
  return { week, total: result.stats.total };
}
