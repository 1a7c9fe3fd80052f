/**
 * Working through a failure queue: each message is handled once per run, deleted only after its handler
 * says it is done, and otherwise made visible again at the end, so the alarm keeps counting it and the next
 * run sees it at once.
 */
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";

/** What became of one message: replayed (delete it) or kept for another run. */
export type MessageOutcome = "done" | "keep";

export interface QueueRun {
  received: number;
  deleted: number;
  kept: number;
  /** Bodies that are not JSON, or not an on-failure record of the expected kind: kept, and counted. */
  unreadable: number;
}

/**
 * Receives every message of `queueUrl` (hidden from other readers while this run holds it) and hands each
 * body to `handle`. A handler that throws keeps its message; so does `dryRun`, which deletes nothing.
 */
export async function drainQueue(
  sqs: SQSClient,
  queueUrl: string,
  handle: (body: unknown) => Promise<MessageOutcome>,
  options: { dryRun?: boolean; holdSeconds?: number; log?: (line: string) => void } = {},
): Promise<QueueRun> {
  const run: QueueRun = { received: 0, deleted: 0, kept: 0, unreadable: 0 };
  const seen = new Set<string>();
  const kept: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        // Long enough to replay ten messages; a second run meanwhile does not take the same ones.
        VisibilityTimeout: options.holdSeconds ?? 300,
        WaitTimeSeconds: 1,
      }),
    );
    const fresh = Messages.filter((m) => m.MessageId && !seen.has(m.MessageId));
    if (fresh.length === 0) break;
    for (const message of fresh) {
      seen.add(message.MessageId ?? "");
      run.received++;
      let outcome: MessageOutcome = "keep";
      let body: unknown;
      try {
        body = JSON.parse(message.Body ?? "");
      } catch {
        run.unreadable++;
      }
      if (body !== undefined) {
        try {
          outcome = await handle(body);
        } catch (err) {
          options.log?.(`message ${message.MessageId} kept: ${(err as Error).message}`);
        }
      }
      if (outcome === "done" && !options.dryRun) {
        await sqs.send(
          new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
        );
        run.deleted++;
      } else {
        run.kept++;
        if (message.ReceiptHandle) kept.push(message.ReceiptHandle);
      }
    }
  }
  for (const handle of kept)
    await sqs
      .send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: handle,
          VisibilityTimeout: 0,
        }),
      )
      .catch(() => undefined);
  return run;
}

/** An SQS client of the region, or of fauxqs (tests). */
export const createSqsClient = (where: { region: string; endpoint?: string }) =>
  new SQSClient({
    region: where.region,
    ...(where.endpoint
      ? { endpoint: where.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
