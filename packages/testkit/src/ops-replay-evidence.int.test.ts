/**
 * `npm run ops -- replay-evidence` (scripts/ops/replay-evidence.ts) against the real emulators: a photo
 * uploaded with its form to s3rver, whose processing really fails (evidence-uploaded reads the bucket
 * through a proxy that is down), then the asynchronous invocation's on-failure record Lambda would write,
 * put on a fauxqs queue. The replay hands the S3 event to the same evidence-uploaded handler in process
 * (the deployed function in AWS).
 */
import { randomUUID } from "node:crypto";
import { DeleteObjectCommand } from "@aws-sdk/client-s3";
import { CreateQueueCommand, SendMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { Evidence } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import { createSharpImages } from "@lapora/core/sharp";
import { createEvidenceUploadedHandler } from "@lapora/functions/events/evidence-uploaded";
import { createLocalSqsClient } from "@lapora/local/alerts/sms-queues";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  describeEvidenceRun,
  type ReplayEvidenceDeps,
  replayEvidence,
} from "../../../scripts/ops/replay-evidence";
import { waitUntil } from "./alerts-harness";
import { postWithForm, startEvidenceHarness } from "./evidence-harness";
import { validReport } from "./fixtures";
import { startSwitchableProxy } from "./switchable-proxy";

let h: Awaited<ReturnType<typeof startEvidenceHarness>>;
let proxy: Awaited<ReturnType<typeof startSwitchableProxy>>;
let sqs: SQSClient;
let queueUrl: string;
let deps: ReplayEvidenceDeps;
/** The S3 events s3rver emits, as S3's notification would carry them to evidence-uploaded. */
const events: { Records: unknown[] }[] = [];
const keyIn = (e: { Records: unknown[] }) =>
  (e.Records[0] as { s3?: { object?: { key?: string } } })?.s3?.object?.key;

beforeAll(async () => {
  h = await startEvidenceHarness();
  // evidence-uploaded does not run on its own here: this file plays its failures and replays.
  h.uploads.stop();
  h.s3.server.on("event", (e: { Records: unknown[] }) => events.push(e));
  proxy = await startSwitchableProxy(h.s3.endpoint);
  sqs = createLocalSqsClient(inject("snsEndpoint"));
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `ops-evidence-${randomUUID()}` }));
  queueUrl = QueueUrl ?? "";
  const handler = createEvidenceUploadedHandler({
    bucket: h.bucket,
    ...h.deps.evidence,
    images: createSharpImages(),
    retentionDays: 0,
    log: () => {},
  });
  deps = { sqs, queueUrl, evidenceUploaded: (event) => handler(event) };
});
afterAll(async () => {
  sqs?.destroy();
  await proxy?.close();
  await h?.close();
});

const jpeg = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 110, b: 70 } } })
    .jpeg()
    .toBuffer();

/** A report with one photo uploaded through its form, and the S3 event of that upload. */
async function uploaded() {
  const res = await h.api.request("/api/reports", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(validReport({ photos: ["image/jpeg"] })),
  });
  expect(res.status).toBe(201);
  const r = (await res.json()) as { id: string; uploads: { forms: Evidence.UploadForm[] } };
  const key = `evidence/${r.id}/1`;
  expect((await postWithForm(r.uploads.forms[0] as Evidence.UploadForm, await jpeg())).status).toBe(204);
  await waitUntil("the upload's S3 event", () => events.some((e) => keyIn(e) === key));
  const event = events.find((e) => keyIn(e) === key);
  return { reportId: r.id, key, event };
}

/** evidence-uploaded with the bucket out of reach: it throws, as it did each time Lambda tried. */
async function failedProcessing(event: unknown) {
  proxy.set(false);
  const broken = createEvidenceUploadedHandler({
    bucket: h.bucket,
    store: h.deps.evidence.store,
    files: Aws.createS3EvidenceFiles(Aws.createS3Client({ endpoint: proxy.endpoint }), h.bucket, {
      endpoint: proxy.endpoint,
    }),
    images: createSharpImages(),
    retentionDays: 0,
    log: () => {},
  });
  const error = await broken(event).then(
    () => undefined,
    (err: Error) => err,
  );
  expect(error).toBeInstanceOf(Error);
  // What a Lambda destination writes after the last retry: the event, and the error it ended with.
  return {
    version: "1.0",
    timestamp: new Date().toISOString(),
    requestContext: {
      requestId: randomUUID(),
      functionArn:
        "arn:aws:lambda:ap-southeast-3:123456789012:function:test-lapora-Evidence-evidenceUploaded:$LATEST",
      condition: "RetriesExhausted",
      approximateInvokeCount: 3,
    },
    requestPayload: event,
    responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
    responsePayload: { errorType: error?.name, errorMessage: error?.message, trace: [] },
  };
}

const put = (body: unknown) =>
  sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(body) }));

describe("npm run ops -- replay-evidence", () => {
  it("processes an upload whose processing failed, deletes the message, and does nothing twice", async () => {
    const u = await uploaded();
    const message = await failedProcessing(u.event);
    expect(await h.deps.evidence.store.getSlot(u.reportId, 1)).toMatchObject({ status: "issued" });
    expect(await h.tags(u.key)).not.toContainEqual({ Key: "evidence-state", Value: "verified" });
    await put(message);

    const run = await replayEvidence(deps);
    expect(run.outcomes).toEqual({ attached: 1 });
    expect(run.queue).toEqual({ received: 1, deleted: 1, kept: 0, unreadable: 0 });
    expect(await h.deps.evidence.store.getSlot(u.reportId, 1)).toMatchObject({ status: "attached" });
    expect(await h.tags(u.key)).toEqual([{ Key: "evidence-state", Value: "verified" }]);
    const trail = await h.deps.audit.list(`report:${u.reportId}`);
    expect(trail.filter((e) => e.action === "evidence_received")).toHaveLength(1);

    expect((await replayEvidence(deps)).queue.received).toBe(0);
    // The same event once more (a message put twice): evidence-uploaded finds the slot attached.
    await put(message);
    const twice = await replayEvidence(deps);
    expect(twice.outcomes).toEqual({ duplicate: 1 });
    expect(twice.queue.deleted).toBe(1);
    expect(
      (await h.deps.audit.list(`report:${u.reportId}`)).filter((e) => e.action === "evidence_received"),
    ).toHaveLength(1);
  });

  it("names the report and slot of an upload that is gone, and keeps its message until told to drop it", async () => {
    const u = await uploaded();
    const message = await failedProcessing(u.event);
    // Two days later the lifecycle rule deletes the unprocessed upload.
    const s3 = Aws.createS3Client({ endpoint: h.s3.endpoint });
    await (await s3()).send(new DeleteObjectCommand({ Bucket: h.bucket, Key: u.key }));
    (await s3()).destroy();
    await put(message);

    const run = await replayEvidence(deps);
    expect(run.outcomes).toEqual({ gone: 1 });
    expect(run.gone).toEqual([{ reportId: u.reportId, slot: 1 }]);
    expect(run.queue).toMatchObject({ received: 1, deleted: 0, kept: 1 });
    expect(describeEvidenceRun(run)).toContain(`report ${u.reportId} photo 1`);
    expect(await h.deps.evidence.store.getSlot(u.reportId, 1)).toMatchObject({ status: "issued" });

    const dropped = await replayEvidence(deps, { discardGone: true });
    expect(dropped.gone).toEqual([{ reportId: u.reportId, slot: 1 }]);
    expect(dropped.queue).toMatchObject({ received: 1, deleted: 1, kept: 0 });
    expect((await replayEvidence(deps)).queue.received).toBe(0);
  });
});
