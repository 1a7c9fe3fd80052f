/**
 * `npm start`: DynamoDB Local, s3rver and fauxqs, the API and the web app on one port.
 * Data stays under LAPORA_DATA_DIR (default .lapora/) across restarts; Ctrl-C stops everything.
 */
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { Stats } from "@lapora/core";
import { loadLocalConfig } from "./config";
import { createLocalRetentionDeps, runLocalRetention, scheduleRetention } from "./retention";
import { runtimeOptionsOf, startRuntime } from "./runtime";
import { createLocalApp } from "./server";
import { createLocalStatsDeps, scheduleWeeklyStats } from "./stats";

// Node 20 is supported here until 2027; the SDK's reminder would bury the URL below.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const config = loadLocalConfig();
const webDist = resolve(import.meta.dirname, "../../web/dist");

let runtime: Awaited<ReturnType<typeof startRuntime>>;
try {
  runtime = await startRuntime({ ...runtimeOptionsOf(config), demoPushDevices: true });
} catch (err) {
  console.error(`Lapora could not start: ${(err as Error).message}`);
  process.exit(1);
}

const app = createLocalApp(runtime.deps, webDist, runtime.issuer, {
  smsInbox: runtime.alerts.inbox,
  phones: runtime.alerts.phones,
  push: runtime.push,
  totp: runtime.totp,
  trustProxy: config.trustProxy,
  accessLog: console.log,
});
const statsDeps = await createLocalStatsDeps(runtime.deps, runtime.sns.endpoint);
const stopStats = scheduleWeeklyStats(statsDeps, console.log);
// For `npm run stats`: run the job inside this runtime, which owns the data folder.
app.post("/dev/stats/run", async (c) => {
  const week = c.req.query("week") ?? Stats.lastCompletedWeek(new Date());
  if (!Stats.parseWeek(week))
    return c.json({ error: "week.invalid", message: "Write the week like 2026-W47." }, 400);
  const r = await Stats.runWeek(statsDeps, week);
  return c.json({ week, total: r.stats.total, itemsRead: r.itemsRead });
});
// The contact-retention job: hourly here (daily in AWS), and `npm run retention` asks this runtime.
const retention = createLocalRetentionDeps(runtime.dynamo.endpoint, config.tableName);
const stopRetention = scheduleRetention(retention, config.retentionDays, console.log);
app.post("/dev/retention/run", async (c) => {
  const days = c.req.query("days") ?? String(config.retentionDays);
  const now = c.req.query("now");
  const at = now ? new Date(now) : new Date();
  if (!/^\d+$/.test(days) || Number.isNaN(at.getTime()))
    return c.json({ error: "invalid", message: "days is a whole number; now is an ISO date." }, 400);
  return c.json(await runLocalRetention(retention, Number(days), at));
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(
    `DynamoDB Local ${runtime.dynamo.endpoint} · s3rver ${runtime.s3.endpoint} · fauxqs ${runtime.sns.endpoint}`,
  );
  console.log(
    `Data: ${config.dataDir} · officers' SMS inboxes: /dev/sms · push notifications: /dev/push (push service ${runtime.push.url}) · sign-in codes: /dev/totp`,
  );
  console.log(
    `\nLapora is running at http://${info.address === "127.0.0.1" ? "localhost" : info.address}:${info.port}\n`,
  );
});
server.on("error", async (err: NodeJS.ErrnoException) => {
  console.error(
    err.code === "EADDRINUSE"
      ? `Port ${config.port} is already in use: stop the other program or start with PORT=3001 npm start.`
      : `Lapora's server failed: ${err.message}`,
  );
  await runtime.stop();
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Lapora…`);
  stopStats();
  stopRetention();
  server.close();
  await runtime.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
