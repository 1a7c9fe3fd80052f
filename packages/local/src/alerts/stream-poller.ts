import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
} from "@aws-sdk/client-dynamodb-streams";
import { Alert } from "@lapora/core";
import type { BatchResponse } from "@lapora/functions/events/report-events";

const local = { region: "ap-southeast-3", credentials: { accessKeyId: "local", secretAccessKey: "local" } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A stream record in the shape Lambda delivers it: the creation time in epoch seconds and binary values
 * base64, where the Streams API returns a Date and bytes.
 */
export function toLambdaRecord(record: StreamsRecord, streamArn: string): Record<string, unknown> {
  const json = JSON.stringify(record, (key, value) => {
    if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
    if (key === "ApproximateCreationDateTime") return Math.floor(Date.parse(value) / 1000);
    return value;
  });
  return { ...JSON.parse(json), eventSourceARN: streamArn };
}

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  handler: (event: { Records: unknown[] }) => Promise<BatchResponse>;
  /** How often an idle shard is polled: Lambda polls a stream shard four times a second. */
  intervalMs?: number;
  batchSize?: number;
  log?: (message: string) => void;
}

/**
 * Lambda's DynamoDB Streams event source mapping, on one machine: reads the table's stream from the
 * start, keeps the records Alert.STREAM_FILTER keeps (as the AWS mapping's filter does), and calls the
 * handler with a batch. Reported failures are retried from the first failed record, with backoff and
 * without end, in order within the shard, so an SNS outage only delays alerts.
 */
export function startStreamPoller(options: StreamPollerOptions) {
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint, ...local });
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, ...local });
  const interval = options.intervalMs ?? 250;
  const log = options.log ?? ((m: string) => console.error(m));
  const stats = { batches: 0, delivered: 0, failedAttempts: 0 };
  let running = true;

  /** Hands records to the handler until it takes them all. */
  async function deliver(records: Record<string, unknown>[]) {
    let pending = records;
    let backoff = 200;
    while (running && pending.length > 0) {
      stats.batches++;
      let failed: string[];
      try {
        failed = (await options.handler({ Records: pending })).batchItemFailures.map((f) => f.itemIdentifier);
      } catch (err) {
        log(`report-events failed its whole batch: ${(err as Error).message}`);
        failed = [String((pending[0]?.dynamodb as { SequenceNumber?: string })?.SequenceNumber)];
      }
      const first = pending.findIndex((r) =>
        failed.includes(String((r.dynamodb as { SequenceNumber?: string }).SequenceNumber)),
      );
      stats.delivered += first === -1 ? pending.length : first;
      if (first === -1) return;
      stats.failedAttempts++;
      pending = pending.slice(first);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 5000);
    }
  }

  async function run() {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
    const streamArn = Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`Table ${options.tableName} has no stream.`);
    const iterators = new Map<string, string | undefined>();
    const finished = new Set<string>();
    while (running) {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      for (const shard of StreamDescription?.Shards ?? []) {
        const id = shard.ShardId;
        if (!id || iterators.has(id) || finished.has(id)) continue;
        // A child shard starts only after its parent is read to the end, as Lambda does.
        if (shard.ParentShardId && !finished.has(shard.ParentShardId) && iterators.has(shard.ParentShardId))
          continue;
        const it = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: id,
            ShardIteratorType: "TRIM_HORIZON",
          }),
        );
        iterators.set(id, it.ShardIterator);
      }
      let busy = false;
      for (const [id, iterator] of iterators) {
        if (!running) break;
        if (!iterator) {
          iterators.delete(id);
          finished.add(id);
          continue;
        }
        const out = await streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: options.batchSize ?? 100 }),
        );
        iterators.set(id, out.NextShardIterator);
        const records = (out.Records ?? [])
          .map((r) => toLambdaRecord(r, streamArn))
          .filter((r) => Alert.matchesFilter(Alert.STREAM_FILTER, r));
        if ((out.Records ?? []).length > 0) busy = true;
        if (records.length > 0) await deliver(records);
      }
      if (!busy) await sleep(interval);
    }
  }

  const done = (async () => {
    while (running) {
      try {
        await run();
      } catch (err) {
        if (!running) break;
        log(`Stream poller: ${(err as Error).message}; restarting in 1 s`);
        await sleep(1000);
      }
    }
  })();

  return {
    stats,
    async stop() {
      running = false;
      await done;
      dynamo.destroy();
      streams.destroy();
    },
  };
}
