/**
 * `npm run stats -- --week 2026-W47`: runs the weekly-stats job for a week (default: the week just
 * ended). If `npm start` is running it asks that runtime; otherwise it starts the emulators on the same
 * data folder, runs the job, and stops them.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Stats } from "@lapora/core";
import { loadLocalConfig } from "./config";
import { startRuntime } from "./runtime";
import { createLocalStatsDeps } from "./stats";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { values } = parseArgs({ options: { week: { type: "string" } } });
const week = values.week ?? Stats.lastCompletedWeek(new Date());
if (!Stats.parseWeek(week)) {
  console.error(`"${week}" is not an ISO week: write it like 2026-W47.`);
  process.exit(1);
}
const config = loadLocalConfig();

async function viaRunningServer(): Promise<boolean> {
  try {
    const res = await fetch(`http://localhost:${config.port}/dev/stats/run?week=${week}`, { method: "POST" });
    console.log(await res.text());
    return res.ok;
  } catch {
    return false;
  }
}

if (!(await viaRunningServer())) {
  const runtime = await startRuntime({
    dataDir: config.dataDir,
    s3Directory: join(config.dataDir, "s3"),
    tableName: config.tableName,
    bucketName: config.bucketName,
    topicName: config.topicName,
    publicUrl: `http://localhost:${config.port}`,
  });
  try {
    const r = await Stats.runWeek(await createLocalStatsDeps(runtime.deps, runtime.sns.endpoint), week);
    console.log(
      JSON.stringify({
        week,
        total: r.stats.total,
        itemsRead: r.itemsRead,
        files: [`stats/${week}.json`, `stats/${week}.csv`],
      }),
    );
  } finally {
    await runtime.stop();
  }
}
