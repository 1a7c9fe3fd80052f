import { Reporter } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import * as z from "zod/mini";
import { loadRetentionConfig } from "../config";
import { lambdaClients, retentionDeps } from "../deps";
import { lambdaHandler } from "../lambda";

// EventBridge scheduled events carry the scheduled `time`.
const Event = z.object({ time: z.optional(z.iso.datetime()) });

/**
 * The `contact-retention` Lambda, daily at 02:00 WIB: erases the name, phone, contact wishes and exact
 * location of every reporter whose report closed more than RETENTION_DAYS ago (reporter/retention.ts).
 * Its log line has counts only.
 */
export const handler = lambdaHandler({
  service: "contact-retention",
  eager: true,
  config: loadRetentionConfig,
  init: (config, log) => {
    const days = Reporter.parseRetentionDays(config.RETENTION_DAYS);
    const deps = retentionDeps({
      clients: lambdaClients(config),
      names: { table: config.TABLE_NAME },
      dynamo: async () => Dynamo,
    });
    return async (event: unknown) => {
      const parsed = Event.safeParse(event ?? {});
      if (!parsed.success) throw new Error("Unexpected event: not a scheduled event.");
      const at = new Date(parsed.data.time ?? Date.now());
      const run = await Reporter.runRetention(deps, at, days);
      log.info("contact retention run", { days, ...run });
      return { days, ...run };
    };
  },
});
