import type { Officer } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import * as Dynamo from "@lapora/core/dynamo";
import { createReportEventsHandler } from "@lapora/functions/events/report-events";
import { runEscalation } from "@lapora/functions/jobs/escalation";
import type { createLocalDeps } from "../deps";
import { type SmsInbox, startSmsInbox } from "./sms-queues";
import { startStreamPoller } from "./stream-poller";

type LocalDeps = ReturnType<typeof createLocalDeps>;

export interface LocalAlertsOptions {
  deps: LocalDeps;
  dynamoEndpoint: string;
  tableName: string;
  snsEndpoint: string;
  topicArn: string;
  /** The console's origin, for the link in each SMS. */
  consoleUrl: string;
  /** Where report-events publishes; defaults to fauxqs (the fault test puts a switchable proxy here). */
  publishEndpoint?: string;
  escalationMinutes?: number;
  /** How often the escalation job runs (EventBridge runs it every minute in AWS). */
  escalationEveryMs?: number;
  pollIntervalMs?: number;
  log?: (message: string) => void;
}

export interface LocalAlerts {
  inbox: SmsInbox;
  /** The stream poller's counters: batches handed over, records delivered, failed attempts. */
  stream: { batches: number; delivered: number; failedAttempts: number };
  /** Runs the escalation job once, now or at `time`. */
  escalate(time?: Date): ReturnType<typeof runEscalation>;
  stop(): Promise<void>;
}

/**
 * SMS alerts on one machine, wired as in AWS: every officer on the roster subscribed (fauxqs starts empty
 * on each start, so each recorded subscription is checked), the table's stream polled into the same
 * report-events handler, the escalation job on a timer, and every officer's inbox read into memory.
 */
export async function startLocalAlerts(options: LocalAlertsOptions): Promise<LocalAlerts> {
  const { deps, tableName } = options;
  const log = options.log ?? ((m: string) => console.log(m));
  const inbox = startSmsInbox(deps.sqs, deps.smsQueues);
  const roster: Officer.Officer[] = await deps.officers.list();
  for (const officer of roster) await deps.alerts.sync(officer, { verify: true });

  const sns = Aws.createSnsClient({ endpoint: options.publishEndpoint ?? options.snsEndpoint });
  const handler = createReportEventsHandler({
    delivery: {
      markers: Dynamo.createDynamoMarkerStore(deps.client, tableName),
      // Local settings mirror a stage's: the price cap and sender ID travel as message attributes.
      publisher: Aws.createSnsPublisher(sns, options.topicArn, {
        consoleUrl: options.consoleUrl,
        senderId: "LAPORA",
        maxPriceUsd: "0.50",
      }),
      leaseMs: 60_000,
    },
    log: (entry) => {
      if (entry.level !== "info") log(`report-events: ${JSON.stringify(entry)}`);
    },
  });
  const poller = startStreamPoller({
    endpoint: options.dynamoEndpoint,
    tableName,
    handler,
    ...(options.pollIntervalMs ? { intervalMs: options.pollIntervalMs } : {}),
    log,
  });

  const stores = {
    escalations: Dynamo.createDynamoEscalationStore(deps.client, tableName),
    quarantine: Dynamo.createDynamoQuarantineStore(deps.client, tableName),
  };
  const minutes = options.escalationMinutes ?? 15;
  const escalate = (time?: Date) => runEscalation(stores, minutes, time ? { time: time.toISOString() } : {});
  const timer = setInterval(() => {
    escalate().catch((err) => log(`escalation: ${(err as Error).message}`));
  }, options.escalationEveryMs ?? 60_000);
  timer.unref();

  return {
    inbox,
    stream: poller.stats,
    escalate,
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([poller.stop(), inbox.stop()]);
      (await sns()).destroy();
    },
  };
}
