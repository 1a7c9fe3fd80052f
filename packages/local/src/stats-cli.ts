/**
 * `npm run stats -- --week 2026-W47`: runs the weekly-stats job for a week (default: the week just
 * ended). If `npm start` is running it asks that runtime; otherwise it starts the emulators on the same
 * data folder, runs the job, and stops them.
 */
import { parseArgs } from "node:util";
import { Stats } from "@lapora/core";
import { loadLocalConfig } from "./config";
import { runJob } from "./job-cli";
import { createLocalStatsDeps } from "./stats";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { values } = parseArgs({ options: { week: { type: "string" } } });
const week = values.week ?? Stats.lastCompletedWeek(new Date());
if (!Stats.parseWeek(week)) {
  console.error(`"${week}" is not an ISO week: write it like 2026-W47.`);
  process.exit(1);
}
const config = loadLocalConfig();

await runJob(config, `/dev/stats/run?week=${week}`, async (runtime) => {
  const r = await Stats.runWeek(await createLocalStatsDeps(runtime.deps, runtime.sns.endpoint), week);
  return {
    week,
    total: r.stats.total,
    itemsRead: r.itemsRead,
    files: [`stats/${week}.json`, `stats/${week}.csv`],
  };
});
