import { randomUUID } from "node:crypto";
import { CreateTopicCommand, SubscribeCommand } from "@aws-sdk/client-sns";
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from "@aws-sdk/client-sqs";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { Alert } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import * as Dynamo from "@lapora/core/dynamo";
import { generateVapidKeys } from "@lapora/core/webpush";
import { createLocalSqsClient, createTestDeps, OFFICER } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { alertDeps, clientsFor } from "../deps";
import { createReportEventsHandler } from "./report-events";

// Real DynamoDB Local (the roster, the "sent" markers) and a real fauxqs topic; one queue subscribed
// without a filter counts every SMS the handler publishes. The demo officers have no push device here,
// so every officer a report is routed to gets an SMS (push is tested in local/test/push-alerts.test.ts).

const sns = Aws.createSnsClient({ endpoint: inject("snsEndpoint") });
const sqs = createLocalSqsClient(inject("snsEndpoint"));
let queueUrl: string;
let markers: Alert.AlertMarkerStore;
let handle: ReturnType<typeof createReportEventsHandler>;
/** What the handler counted (the metrics port; EMF in Lambda, see ../metrics.test.ts). */
let counted: unknown[][] = [];
let delivery: Alert.DispatchDeps;
let clock = Date.parse("2026-03-02T01:00:00Z");
let seq = 100;

beforeAll(async () => {
  const { tableName, client } = await createTestDeps();
  const { TopicArn } = await (await sns()).send(new CreateTopicCommand({ Name: `events-${randomUUID()}` }));
  const queue = await sqs.send(new CreateQueueCommand({ QueueName: `events-${randomUUID()}` }));
  queueUrl = queue.QueueUrl ?? "";
  const attrs = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  await (await sns()).send(
    new SubscribeCommand({
      TopicArn,
      Protocol: "sqs",
      Endpoint: attrs.Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: "true" },
    }),
  );
  markers = Dynamo.createDynamoMarkerStore(client, tableName);
  delivery = alertDeps(
    {
      clients: clientsFor({ dynamoEndpoint: inject("dynamoEndpoint"), snsEndpoint: inject("snsEndpoint") }),
      names: { table: tableName, alertsTopicArn: TopicArn ?? "" },
      dynamo: async () => Dynamo,
    },
    {
      sms: { consoleUrl: "https://lapora.test", maxPriceUsd: "0.5" },
      vapid: { ...generateVapidKeys(), subject: "mailto:it@lapora.test" },
      leaseMs: 60_000,
      now: () => clock,
    },
  );
  handle = createReportEventsHandler({
    delivery,
    log: () => {},
    metrics: { count: (...args) => counted.push(args) },
  });
});
afterAll(async () => {
  (await sns()).destroy();
  sqs.destroy();
});

/** Everything published since the last call. */
async function published() {
  const out = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
      MessageAttributeNames: ["All"],
    }),
  );
  const messages = out.Messages ?? [];
  for (const m of messages) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
  }
  return messages;
}

function reportItem(overrides: Record<string, unknown> = {}) {
  return {
    __edb_e__: "report",
    __edb_v__: "1",
    pk: "$lapora#reportid_x",
    reportId: randomUUID(),
    trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
    category: "pencurian",
    priority: "darurat",
    kecamatan: "16.06.01",
    desa: "16.06.01.1011",
    description: "Motor dicuri",
    reporter: { anonymous: false, name: "Siti", phone: "+6281234567890" },
    ...overrides,
  };
}

function record(item: Record<string, unknown>, eventName = "INSERT") {
  return {
    eventID: randomUUID(),
    eventName,
    eventSource: "aws:dynamodb",
    dynamodb: { SequenceNumber: String(seq++), NewImage: marshall(item, { removeUndefinedValues: true }) },
  };
}

describe("report-events", () => {
  it("publishes one SMS per routed officer, addressed to their subscription, and counts them", async () => {
    const item = reportItem();
    counted = [];
    expect(await handle({ Records: [record(item)] })).toEqual({ batchItemFailures: [] });
    // By channel only: the demo officers have no push device here, so nothing went by push.
    expect(counted).toEqual([
      ["AlertsSent", { channel: "push" }, 0],
      ["AlertsSent", { channel: "sms" }, 3],
    ]);
    const messages = await published();
    const to = messages.map((m) => m.MessageAttributes?.to?.StringValue).sort();
    // A darurat report in Soak Baru: SPKT, the desa's Bhabinkamtibmas and Sekayu's Kapolsek.
    expect(to).toEqual([OFFICER.spkt, OFFICER.bhabinSekayu, OFFICER.kapolsekSekayu].sort());
    for (const message of messages) {
      expect(message.Body).toBe(
        "LAPORA DARURAT: Pencurian di Ds. Soak baru, Kec. Sekayu. https://lapora.test/konsol/laporan/7K3MQ9TZ4HX2R",
      );
      const attrs = Object.fromEntries(
        Object.entries(message.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue]),
      );
      expect(attrs).toMatchObject({ "AWS.SNS.SMS.SMSType": "Transactional", "AWS.SNS.SMS.MaxPrice": "0.5" });
    }
  });

  it("does not publish again when the stream delivers the same record again", async () => {
    const r = record(reportItem());
    await handle({ Records: [r] });
    await handle({ Records: [r] });
    await handle({ Records: [{ ...r, eventID: randomUUID() }, r] });
    expect(await published()).toHaveLength(3);
  });

  it("publishes each escalation step once, apart from the report's own alert", async () => {
    const item = reportItem();
    const escalation = { ...item, __edb_e__: "escalation", level: "kapolsek", waitedMinutes: 16, at: "x" };
    await handle({ Records: [record(item), record(escalation), record(escalation)] });
    const bodies = (await published()).map((m) => m.Body);
    // Three for the report, one for its Kapolsek's escalation step.
    expect(bodies).toHaveLength(4);
    expect(bodies).toContain(
      "LAPORA ESKALASI DARURAT: Pencurian di Ds. Soak baru, Kec. Sekayu blm diverifikasi 16 mnt. https://lapora.test/konsol/laporan/7K3MQ9TZ4HX2R",
    );
  });

  it("ignores other items and other events", async () => {
    const officer = { __edb_e__: "officer", __edb_v__: "1", nrp: "80010001" };
    const result = await handle({
      Records: [record(officer), record(reportItem(), "MODIFY"), record(reportItem(), "REMOVE")],
    });
    expect(result.batchItemFailures).toEqual([]);
    expect(await published()).toEqual([]);
  });

  it("skips a malformed record with an error log instead of holding up the shard, and publishes the others", async () => {
    const logged: Record<string, unknown>[] = [];
    const logging = createReportEventsHandler({ delivery, log: (e) => logged.push(e) });
    const result = await logging({
      Records: [record(reportItem({ priority: "urgent" })), record(reportItem())],
    });
    expect(result.batchItemFailures).toEqual([]);
    expect(logged).toContainEqual(
      expect.objectContaining({ level: "error", outcome: "malformed_record_skipped" }),
    );
    expect(await published()).toHaveLength(3);
  });

  it("retries later, and sends once, when a crashed run left a claim behind", async () => {
    const item = reportItem();
    // A run that claimed SPKT's SMS and died before publishing it.
    const kind = `baru#sms#${OFFICER.spkt}`;
    expect(await markers.claim(item.reportId, kind, "crashed-run", clock, 60_000)).toBe("claimed");
    const r = record(item);
    expect(await handle({ Records: [r] })).toEqual({
      batchItemFailures: [{ itemIdentifier: r.dynamodb.SequenceNumber }],
    });
    // The others were not held up by it.
    expect((await published()).map((m) => m.MessageAttributes?.to?.StringValue).sort()).toEqual(
      [OFFICER.bhabinSekayu, OFFICER.kapolsekSekayu].sort(),
    );
    clock += 61_000;
    expect(await handle({ Records: [r] })).toEqual({ batchItemFailures: [] });
    expect(await handle({ Records: [r] })).toEqual({ batchItemFailures: [] });
    expect((await published()).map((m) => m.MessageAttributes?.to?.StringValue)).toEqual([OFFICER.spkt]);
  });

  it("fails the whole batch when the event is not a stream batch", async () => {
    await expect(handle({ records: [] })).rejects.toThrow();
  });
});
