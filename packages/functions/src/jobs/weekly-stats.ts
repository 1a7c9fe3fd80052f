import { Stats } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import * as z from "zod/mini";
import { loadStatsConfig } from "../config";
import { lambdaClients, statsDeps } from "../deps";
import { lambdaHandler } from "../lambda";

// EventBridge scheduled events carry the scheduled `time`; a manual invoke may name a `week`.
const Event = z.object({ time: z.optional(z.iso.datetime()), week: z.optional(z.string()) });

/** The `weekly-stats` Lambda: Monday 00:05 WIB, for the ISO week just ended. */
export const handler = lambdaHandler({
  service: "weekly-stats",
  eager: true,
  config: loadStatsConfig,
  init: (config, log) => {
    const deps = statsDeps(
      {
        clients: lambdaClients(config),
        names: { table: config.TABLE_NAME, openDataBucket: config.OPEN_DATA_BUCKET },
        dynamo: async () => Dynamo,
      },
      config.SUMMARY_TOPIC_ARN,
    );
    return async (event: unknown) => {
      const parsed = Event.safeParse(event ?? {});
      if (!parsed.success) throw new Error(`Unexpected event: ${JSON.stringify(event)}`);
      const week = parsed.data.week ?? Stats.lastCompletedWeek(new Date(parsed.data.time ?? Date.now()));
      const result = await Stats.runWeek(deps, week);
      log.info("week published", { week, total: result.stats.total, itemsRead: result.itemsRead });
      return { week, total: result.stats.total };
    };
  },
});
