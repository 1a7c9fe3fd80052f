import { randomUUID } from "node:crypto";
import { CreateTopicCommand, PublishCommand, SubscribeCommand } from "@aws-sdk/client-sns";
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from "@aws-sdk/client-sqs";
import { Alert, type Officer, Report } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import { createLocalSqsClient, DEMO_OFFICERS } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// Push and SMS follow one routing rule set: each officer's FilterPolicy (core/alert/filter-policy.ts).
// Core evaluates it for every alert (Alert.routeAlert); here the real SNS emulator evaluates the same
// policies, subscribed as the SMS path subscribed them before push, and both must pick the same officers.

const sns = Aws.createSnsClient({ endpoint: inject("snsEndpoint") });
const sqs = createLocalSqsClient(inject("snsEndpoint"));
const roster: Officer.Officer[] = DEMO_OFFICERS.map((o) => ({
  ...o,
  active: true,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
}));
// A Kapolsek whose admin tuned his alerts to darurat only, and an inactive officer.
roster.push(
  { ...roster[3], nrp: "80010007", kecamatan: "16.06.09", alertPriorities: ["darurat"] } as Officer.Officer,
  { ...roster[1], nrp: "80010008", active: false } as Officer.Officer,
);
const queues = new Map<string, string>();
let topicArn = "";

beforeAll(async () => {
  const { TopicArn } = await (await sns()).send(new CreateTopicCommand({ Name: `parity-${randomUUID()}` }));
  topicArn = TopicArn ?? "";
  for (const officer of roster) {
    const policy = Alert.filterPolicyFor(officer);
    if (!policy) continue;
    const { QueueUrl = "" } = await sqs.send(new CreateQueueCommand({ QueueName: `parity-${randomUUID()}` }));
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }));
    await (await sns()).send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: "sqs",
        Endpoint: attrs.Attributes?.QueueArn,
        Attributes: {
          RawMessageDelivery: "true",
          FilterPolicyScope: "MessageAttributes",
          FilterPolicy: Alert.serializePolicy(policy),
        },
      }),
    );
    queues.set(officer.nrp, QueueUrl);
  }
});
afterAll(async () => {
  (await sns()).destroy();
  sqs.destroy();
});

async function drain(url: string): Promise<string[]> {
  const out = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
  );
  for (const m of out.Messages ?? [])
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }));
  return (out.Messages ?? []).map((m) => m.Body ?? "");
}

const AREAS = [
  { kecamatan: "16.06.01", desa: "16.06.01.1011" }, // Soak Baru: a Bhabinkamtibmas's desa
  { kecamatan: "16.06.01", desa: "16.06.01.2001" }, // Sekayu, a desa without one
  { kecamatan: "16.06.09", desa: "16.06.09.1016" }, // Bayung Lencir
  { kecamatan: "16.06.05", desa: "16.06.05.2001" }, // a kecamatan with nobody of its own
];

describe("push and SMS route by one rule set", () => {
  it("core picks exactly the officers SNS's own filter evaluation delivers to, for every kind, priority and area", async () => {
    const alerts: Alert.Alert[] = [];
    for (const kind of Alert.ALERT_KINDS)
      for (const priority of Report.PRIORITIES)
        for (const area of AREAS)
          alerts.push({
            reportId: randomUUID(),
            trackingCode: "-",
            category: "pencurian",
            priority,
            kind,
            ...area,
          });
    let checked = 0;
    for (const alert of alerts) {
      const attributes = Alert.alertAttributes(alert);
      await (await sns()).send(
        new PublishCommand({
          TopicArn: topicArn,
          Message: alert.reportId,
          MessageAttributes: Object.fromEntries(
            Object.entries(attributes).map(([k, v]) => [k, { DataType: "String", StringValue: v }]),
          ),
        }),
      );
      const bySns: string[] = [];
      for (const [nrp, url] of queues) if ((await drain(url)).includes(alert.reportId)) bySns.push(nrp);
      const byCore = Alert.routeAlert(alert, roster).map((o) => o.nrp);
      expect(byCore.sort(), `${alert.kind} ${alert.priority} ${alert.desa}`).toEqual(bySns.sort());
      checked += byCore.length;
    }
    // Not vacuous: most alerts reach someone.
    expect(checked).toBeGreaterThan(alerts.length / 2);
  });
});
