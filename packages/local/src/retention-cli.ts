/**
 * `npm run retention -- [--days 90] [--now 2027-03-01T00:00:00+07:00]`: runs the contact-retention job
 * (reporter/retention.ts): erases the name, phone, contact wishes and exact location of reporters whose
 * report closed more than `--days` days before `--now` (default: LAPORA_RETENTION_DAYS or 90, and now).
 * If `npm start` is running it asks that runtime; otherwise it starts the emulators on the same data
 * folder, runs the job, and stops them.
 */
import { parseArgs } from "node:util";
import { loadLocalConfig } from "./config";
import { runJob } from "./job-cli";
import { createLocalRetentionDeps, runLocalRetention } from "./retention";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const config = loadLocalConfig();
const { values } = parseArgs({ options: { days: { type: "string" }, now: { type: "string" } } });
const days = values.days ?? String(config.retentionDays);
const at = values.now ? new Date(values.now) : new Date();
if (!/^\d+$/.test(days)) {
  console.error(`--days must be a whole number of days, not "${days}".`);
  process.exit(1);
}
if (Number.isNaN(at.getTime())) {
  console.error(`--now must be a date like 2027-03-01T00:00:00+07:00, not "${values.now}".`);
  process.exit(1);
}

const query = new URLSearchParams({ days, now: at.toISOString() });
await runJob(config, `/dev/retention/run?${query}`, (runtime) =>
  runLocalRetention(createLocalRetentionDeps(runtime.dynamo.endpoint, config.tableName), Number(days), at),
);
