/**
 * `npm run ops -- replay-alerts --stage S [--since ISO] [--dry-run]`: alerts whose stream records
 * report-events gave up on (after MAX_ALERT_AGE, stacks/Alerts.ts) sit in the `reportEventsFailures`
 * queue as positions in the stream, not as records. For each message, the records are read again from the
 * stream (it keeps them 24 hours), or else rebuilt from the table for the message's time window, and
 * handed to the deployed report-events function, a batch at a time. Its "sent" markers (core
 * alert/delivery.ts) make that safe: an SMS or push that did go out is not sent again, whatever the window
 * holds. A message is deleted only when report-events took every record of it.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams";
import type { SQSClient } from "@aws-sdk/client-sqs";
import {
  alerting,
  type BatchInfo,
  kindOf,
  type LambdaStreamRecord,
  readFromStream,
  readFromTable,
  StreamFailure,
  StreamRecordsGone,
} from "./alert-records";
import { drainQueue, type QueueRun } from "./queue";

/** What report-events answers (its BatchResponse): the records it could not take. */
interface BatchAnswer {
  batchItemFailures?: { itemIdentifier: string }[];
}

/** Hands records to report-events: the deployed function (invoke), or its handler in process (tests). */
export type ReportEvents = (event: { Records: LambdaStreamRecord[] }) => Promise<unknown>;

export interface ReplayAlertsDeps {
  sqs: SQSClient;
  queueUrl: string;
  streams: DynamoDBStreamsClient;
  dynamo: DynamoDBClient;
  table: string;
  reportEvents: ReportEvents;
  now?: () => Date;
  /** The wait before records report-events could not take are offered again. */
  retryDelayMs?: number;
  log?: (line: string) => void;
}

export interface ReplayAlertsOptions {
  /** Rebuild every alert from this time on from the table, instead of each message's own window. */
  since?: string;
  dryRun?: boolean;
}

export interface ReplayAlertsRun {
  queue: QueueRun;
  fromStream: number;
  fromTable: number;
  /** Alert records handed to report-events, by kind. */
  kinds: Record<string, number>;
  records: number;
}

/** Markers expire after 30 days (adapters/dynamo/marker-store.ts): older alerts could be sent twice. */
export const MAX_SINCE_DAYS = 29;
/** An item is written a moment before its stream record: the window is widened by this much each side. */
const MARGIN_MS = 2 * 60_000;
/** Records per invocation: the event source mapping's batch size. */
const BATCH = 25;

const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** Checks `--since`: a time no older than MAX_SINCE_DAYS and not in the future. */
export function checkSince(since: string, now: Date): string {
  const at = Date.parse(since);
  if (Number.isNaN(at))
    throw new Error(`--since needs an ISO time such as 2026-11-28T08:00:00+07:00, not "${since}".`);
  if (at > now.getTime()) throw new Error("--since is in the future.");
  if (now.getTime() - at > MAX_SINCE_DAYS * 86_400_000)
    throw new Error(
      `--since is more than ${MAX_SINCE_DAYS} days ago: the "sent" markers last 30 days, so older alerts could go out twice.`,
    );
  return new Date(at).toISOString();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Hands the records over a batch at a time; records report-events could not take (SNS still failing, or
 * a claim another run holds for a moment) are offered again twice, then the message is kept.
 */
async function handOver(deps: ReplayAlertsDeps, records: LambdaStreamRecord[]): Promise<boolean> {
  for (let i = 0; i < records.length; i += BATCH) {
    let pending = records.slice(i, i + BATCH);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 2) {
        deps.log?.(`report-events could not take ${pending.length} record(s) yet; the message is kept.`);
        return false;
      }
      if (attempt > 0) await sleep(deps.retryDelayMs ?? 2_000);
      const answer = (await deps.reportEvents({ Records: pending })) as BatchAnswer;
      const failed = new Set((answer?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      pending = pending.filter((r) => failed.has(r.dynamodb.SequenceNumber));
    }
  }
  return true;
}

/** Replays the alerts of every message on the failure queue; see the file's header. */
export async function replayAlerts(
  deps: ReplayAlertsDeps,
  options: ReplayAlertsOptions = {},
): Promise<ReplayAlertsRun> {
  const now = deps.now?.() ?? new Date();
  const since = options.since ? checkSince(options.since, now) : undefined;
  const run: ReplayAlertsRun = {
    queue: { received: 0, deleted: 0, kept: 0, unreadable: 0 },
    fromStream: 0,
    fromTable: 0,
    kinds: {},
    records: 0,
  };
  const count = (records: LambdaStreamRecord[]) => {
    for (const r of records) run.kinds[kindOf(r)] = (run.kinds[kindOf(r)] ?? 0) + 1;
    run.records += records.length;
  };

  // With --since, one window from then to now covers every message that starts in it.
  let sinceReplayed: boolean | undefined;
  if (since) {
    const records = alerting(await readFromTable(deps.dynamo, deps.table, since, now.toISOString()));
    count(records);
    run.fromTable++;
    sinceReplayed = options.dryRun ? false : await handOver(deps, records);
  }

  const recordsOf = async (batch: BatchInfo) => {
    try {
      const records = await readFromStream(deps.streams, batch);
      run.fromStream++;
      return records;
    } catch (err) {
      if (!(err instanceof StreamRecordsGone)) throw err;
      run.fromTable++;
      return readFromTable(
        deps.dynamo,
        deps.table,
        shift(batch.approximateArrivalOfFirstRecord, -MARGIN_MS),
        shift(batch.approximateArrivalOfLastRecord, MARGIN_MS),
      );
    }
  };

  run.queue = await drainQueue(
    deps.sqs,
    deps.queueUrl,
    async (body) => {
      const batch = StreamFailure.parse(body).DDBStreamBatchInfo;
      if (since) {
        const covered = shift(batch.approximateArrivalOfFirstRecord, -MARGIN_MS) >= since;
        return covered && sinceReplayed ? "done" : "keep";
      }
      const records = alerting(await recordsOf(batch));
      count(records);
      if (options.dryRun) return "keep";
      return (await handOver(deps, records)) ? "done" : "keep";
    },
    { ...(options.dryRun ? { dryRun: true } : {}), ...(deps.log ? { log: deps.log } : {}) },
  );
  return run;
}

/** The run in one line: counts only, never a reporter's data. */
export function describeAlertsRun(run: ReplayAlertsRun, dryRun = false): string {
  const kinds = Object.entries(run.kinds)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  const q = run.queue;
  return [
    `${q.received} message(s) on the failure queue${q.unreadable ? ` (${q.unreadable} unreadable)` : ""}`,
    `records read from the stream for ${run.fromStream}, rebuilt from the table for ${run.fromTable}`,
    `${run.records} alert record(s) ${dryRun ? "would be handed" : "handed"} to report-events${kinds ? ` (${kinds})` : ""}`,
    dryRun ? "dry run: nothing sent, nothing deleted" : `${q.deleted} message(s) deleted, ${q.kept} kept`,
  ].join("; ");
}
