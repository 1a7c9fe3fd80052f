/**
 * `npm run ops -- replay-alerts` (scripts/ops/replay-alerts.ts) against the real emulators. The failure is
 * real: report-events publishes SMS to fauxqs through a proxy that is down, while push goes to the local
 * push service, so each darurat alert is half sent (push out, SMS stuck) as in an SNS outage. The
 * failure-queue message is the one AWS would write (an event source mapping's on-failure record: the
 * stream position, not the record), put on a fauxqs queue; the replay hands the records to the same
 * report-events handler the poller uses, in process (the deployed function in AWS).
 */
import { randomUUID } from "node:crypto";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from "@aws-sdk/client-dynamodb-streams";
import { CreateQueueCommand, SendMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { Alert } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import { alertDeps, clientsFor } from "@lapora/functions/deps";
import { createReportEventsHandler } from "@lapora/functions/events/report-events";
import { createLocalSqsClient } from "@lapora/local/alerts/sms-queues";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ReplayAlertsDeps, replayAlerts } from "../../../scripts/ops/replay-alerts";
import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "./alerts-harness";
import { startSwitchableProxy } from "./switchable-proxy";

const local = { region: "ap-southeast-3", credentials: { accessKeyId: "local", secretAccessKey: "local" } };
const darurat = { category: "pencurian", happeningNow: true, kecamatan: "16.06.01", desa: "16.06.01.1011" };
/** The officers a darurat report in Soak Baru reaches: its Bhabinkamtibmas, the Kapolsek and SPKT. */
const ROUTED = [OFFICER.bhabinSekayu, OFFICER.kapolsekSekayu, OFFICER.spkt];

let bed: AlertsTestbed;
let proxy: Awaited<ReturnType<typeof startSwitchableProxy>>;
let sqs: SQSClient;
let queueUrl: string;
let dynamo: DynamoDBClient;
let streams: DynamoDBStreamsClient;
let device: { endpoint: string };
let deps: ReplayAlertsDeps;
let stopReplayClients: () => Promise<void>;

beforeAll(async () => {
  proxy = await startSwitchableProxy(inject("snsEndpoint"));
  bed = await startAlertsTestbed({ publishEndpoint: proxy.endpoint });
  device = await bed.pushDevice(OFFICER.bhabinSekayu);
  sqs = createLocalSqsClient(inject("snsEndpoint"));
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `ops-failures-${randomUUID()}` }));
  queueUrl = QueueUrl ?? "";
  dynamo = new DynamoDBClient({ endpoint: inject("dynamoEndpoint"), ...local });
  streams = new DynamoDBStreamsClient({ endpoint: inject("dynamoEndpoint"), ...local });
  // report-events as the stage runs it, with SNS reachable: what the replay invokes in AWS.
  const clients = clientsFor({
    dynamoEndpoint: inject("dynamoEndpoint"),
    snsEndpoint: inject("snsEndpoint"),
  });
  const delivery = alertDeps(
    {
      clients,
      names: { table: bed.deps.tableName, alertsTopicArn: bed.topicArn },
      dynamo: async () => Dynamo,
    },
    {
      sms: { consoleUrl: "https://lapora.test", senderId: "LAPORA", maxPriceUsd: "0.50" },
      vapid: bed.vapid,
      policy: { ...Alert.SMS_POLICY, dailyBudget: 100_000 },
      leaseMs: 60_000,
    },
  );
  const handler = createReportEventsHandler({ delivery, log: () => {} });
  stopReplayClients = async () => {
    (await clients.sns()).destroy();
    clients.dynamo.destroy();
  };
  deps = {
    sqs,
    queueUrl,
    streams,
    dynamo,
    table: bed.deps.tableName,
    reportEvents: (event) => handler(event),
    retryDelayMs: 200,
  };
});
afterAll(async () => {
  await bed?.stop();
  await proxy?.close();
  await stopReplayClients?.();
  sqs?.destroy();
  dynamo?.destroy();
  streams?.destroy();
});

/** The stream record that inserted report `reportId`: its shard and sequence number, as AWS would name them. */
async function streamPositionOf(reportId: string) {
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: bed.deps.tableName }));
  const streamArn = Table?.LatestStreamArn ?? "";
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  for (const shard of StreamDescription?.Shards ?? []) {
    let { ShardIterator: iterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.ShardId,
        ShardIteratorType: "TRIM_HORIZON",
      }),
    );
    for (let reads = 0; iterator && reads < 50; reads++) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      const hit = (page.Records ?? []).find(
        (r) =>
          r.eventName === "INSERT" &&
          r.dynamodb?.NewImage?.__edb_e__?.S === "report" &&
          r.dynamodb.NewImage.reportId?.S === reportId,
      );
      if (hit)
        return { streamArn, shardId: shard.ShardId ?? "", sequence: hit.dynamodb?.SequenceNumber ?? "" };
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  throw new Error(`no stream record inserted report ${reportId}`);
}

/** What Lambda puts on the on-failure queue when a stream batch is given up on (MaximumRecordAgeInSeconds). */
function onFailureRecord(batch: {
  streamArn: string;
  shardId: string;
  start: string;
  end: string;
  at: Date;
}) {
  const at = batch.at.toISOString().replace(/\.\d+Z$/, "Z");
  return {
    requestContext: {
      requestId: randomUUID(),
      functionArn: "arn:aws:lambda:ap-southeast-3:123456789012:function:test-lapora-Alerts-reportEvents",
      condition: "RecordAgeExceeded",
      approximateInvokeCount: 7,
    },
    responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "" },
    version: "1.0",
    timestamp: new Date().toISOString(),
    DDBStreamBatchInfo: {
      shardId: batch.shardId,
      startSequenceNumber: batch.start,
      endSequenceNumber: batch.end,
      approximateArrivalOfFirstRecord: at,
      approximateArrivalOfLastRecord: at,
      batchSize: 1,
      streamArn: batch.streamArn,
    },
  };
}

// Each from its own address: more than 3 darurat reports an hour from one address are held (no alert).
let sources = 0;
const report = () => bed.report(darurat, { "X-Forwarded-For": `203.0.113.${++sources}` });

const put = (body: unknown) =>
  sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(body) }));
const none = Object.fromEntries(Object.values(OFFICER).map((nrp) => [nrp, 0]));
const once = { ...none, ...Object.fromEntries(ROUTED.map((nrp) => [nrp, 1])) };
const pushesOf = (reportId: string) =>
  bed.pushes(device.endpoint).filter((p) => p.reportId === reportId && p.kind === "baru").length;

/** A darurat report whose push went out and whose SMS are stuck behind the dead proxy. */
async function halfSentReport() {
  proxy.set(false);
  const failedBefore = bed.alerts.stream.failedAttempts;
  const r = await report();
  await waitUntil("the push to the Bhabinkamtibmas", () => pushesOf(r.id) === 1);
  await waitUntil("report-events failing on SNS", () => bed.alerts.stream.failedAttempts >= failedBefore + 2);
  expect(bed.countFor(r.trackingCode)).toEqual(none);
  return r;
}

/** SNS is back: the stream's own retry finds every SMS sent, and a new report shows the SMS path works. */
async function streamCatchesUp(replayed: { id: string; trackingCode: string }[]) {
  proxy.set(true);
  // The poller hands records over in stream order: once the control's SMS are in, the stuck record's retry is done.
  const control = await report();
  await waitUntil("the control report's SMS", () =>
    ROUTED.every((nrp) => (bed.countFor(control.trackingCode)[nrp] ?? 0) >= 1),
  );
  for (const r of replayed) {
    expect(bed.countFor(r.trackingCode)).toEqual(once);
    expect(pushesOf(r.id)).toBe(1);
  }
}

describe("npm run ops -- replay-alerts", () => {
  it("re-reads a failed batch from the stream: the SMS go out once, the push is not sent again, the message goes", async () => {
    const r = await halfSentReport();
    const position = await streamPositionOf(r.id);
    await put(
      onFailureRecord({ ...position, start: position.sequence, end: position.sequence, at: new Date() }),
    );

    const run = await replayAlerts(deps);
    expect(run).toMatchObject({ fromStream: 1, fromTable: 0, records: 1, kinds: { baru: 1 } });
    expect(run.queue).toEqual({ received: 1, deleted: 1, kept: 0, unreadable: 0 });
    await waitUntil("the replayed SMS", () =>
      ROUTED.every((nrp) => (bed.countFor(r.trackingCode)[nrp] ?? 0) >= 1),
    );

    const again = await replayAlerts(deps);
    expect(again.queue.received).toBe(0);
    expect(again.records).toBe(0);
    await streamCatchesUp([r]);
  });

  it("rebuilds the alerts from the table when the stream no longer has them, and sends nothing twice", async () => {
    // An alert of the same window that did go out: SNS comes back for it alone.
    const sentBefore = await halfSentReport();
    await streamCatchesUp([]);
    const r = await halfSentReport();
    const { streamArn } = await streamPositionOf(r.id);
    // Past 24 hours the shard is gone: the position names a shard the stream no longer has.
    await put(
      onFailureRecord({
        streamArn,
        shardId: "shardId-00000001700000000000-0badf00d",
        start: "4000000000000000000001",
        end: "4000000000000000000001",
        at: new Date(),
      }),
    );

    const dry = await replayAlerts(deps, { dryRun: true });
    expect(dry).toMatchObject({ fromTable: 1 });
    expect(dry.kinds.baru).toBeGreaterThanOrEqual(2);
    expect(dry.queue).toMatchObject({ received: 1, deleted: 0, kept: 1 });
    expect(bed.countFor(r.trackingCode)).toEqual(none);

    const run = await replayAlerts(deps);
    expect(run).toMatchObject({ fromStream: 0, fromTable: 1 });
    expect(run.queue).toEqual({ received: 1, deleted: 1, kept: 0, unreadable: 0 });
    await waitUntil("the rebuilt alert's SMS", () =>
      ROUTED.every((nrp) => (bed.countFor(r.trackingCode)[nrp] ?? 0) >= 1),
    );
    expect((await replayAlerts(deps)).queue.received).toBe(0);
    await streamCatchesUp([sentBefore, r]);
  });
});
