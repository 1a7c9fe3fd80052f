import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import type { Alert, Officer } from "@lapora/core";

/** An SQS client for fauxqs, with dummy credentials. */
export function createLocalSqsClient(endpoint: string): SQSClient {
  return new SQSClient({
    endpoint,
    region: "ap-southeast-3",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
}

/**
 * The local stand-in for SMS: one SQS queue per officer, subscribed to the topic with the officer's own
 * FilterPolicy and raw delivery, so fauxqs (not our code) decides who receives what. Queue names start
 * with `namespace` (the table name), so test files sharing one fauxqs never share an inbox.
 */
export function createLocalSmsQueues(sqs: SQSClient, namespace: string) {
  const queues = new Map<string, { url: string; arn: string }>();
  const listeners: ((nrp: string, url: string) => void)[] = [];

  async function ensure(nrp: string) {
    const known = queues.get(nrp);
    if (known) return known;
    const { QueueUrl: url } = await sqs.send(
      new CreateQueueCommand({ QueueName: `${namespace}-sms-${nrp}` }),
    );
    if (!url) throw new Error(`fauxqs created no queue for officer ${nrp}`);
    const attrs = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }),
    );
    const arn = attrs.Attributes?.QueueArn;
    if (!arn) throw new Error(`fauxqs gave no ARN for ${url}`);
    const queue = { url, arn };
    queues.set(nrp, queue);
    for (const listen of listeners) listen(nrp, url);
    return queue;
  }

  return {
    /** The gateway's target: the officer's queue, created on first use. */
    async targetOf(officer: Officer.Officer): Promise<Alert.SubscriptionTarget> {
      const { arn } = await ensure(officer.nrp);
      return { protocol: "sqs", endpoint: arn, attributes: { RawMessageDelivery: "true" } };
    },
    /** Calls `listen` for every queue, now and as officers get one. */
    onQueue(listen: (nrp: string, url: string) => void) {
      listeners.push(listen);
      for (const [nrp, { url }] of queues) listen(nrp, url);
    },
  };
}

export type LocalSmsQueues = ReturnType<typeof createLocalSmsQueues>;

/** One SMS as an officer's phone would show it, plus the attributes SNS filtered on. */
export interface ReceivedSms {
  receivedAt: string;
  text: string;
  attributes: Record<string, string>;
}

/**
 * Every officer's SMS inbox: long-polls each officer's queue and keeps what arrived in memory (the
 * queues are emptied as they are read, so the page shows history, not just what is waiting).
 */
export function startSmsInbox(sqs: SQSClient, queues: LocalSmsQueues) {
  const inbox = new Map<string, ReceivedSms[]>();
  const abort = new AbortController();
  const loops: Promise<void>[] = [];

  async function poll(nrp: string, url: string) {
    while (!abort.signal.aborted) {
      try {
        const out = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: url,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 2,
            MessageAttributeNames: ["All"],
          }),
          { abortSignal: abort.signal },
        );
        const messages = out.Messages ?? [];
        if (messages.length === 0) continue;
        const list = inbox.get(nrp) ?? [];
        for (const m of messages) {
          const attributes = Object.fromEntries(
            Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue ?? ""]),
          );
          list.push({ receivedAt: new Date().toISOString(), text: m.Body ?? "", attributes });
        }
        inbox.set(nrp, list);
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: url,
            Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? "" })),
          }),
        );
      } catch (err) {
        if (abort.signal.aborted) return;
        console.error(`SMS inbox of ${nrp}: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  queues.onQueue((nrp, url) => {
    inbox.set(nrp, inbox.get(nrp) ?? []);
    loops.push(poll(nrp, url));
  });

  return {
    /** The SMS an officer has received so far, oldest first. */
    messagesOf: (nrp: string): readonly ReceivedSms[] => inbox.get(nrp) ?? [],
    /** Every officer with a queue, and what they received. */
    all: () =>
      [...inbox.entries()].map(([nrp, messages]) => ({ nrp, messages: messages as readonly ReceivedSms[] })),
    async stop() {
      abort.abort();
      await Promise.allSettled(loops);
    },
  };
}

export type SmsInbox = ReturnType<typeof startSmsInbox>;
