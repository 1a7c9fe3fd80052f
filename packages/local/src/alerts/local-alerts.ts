import { Alert, type Officer } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import type { VapidKeys } from "@lapora/core/webpush";
import { alertDeps, clientsFor } from "@lapora/functions/deps";
import { createReportEventsHandler } from "@lapora/functions/events/report-events";
import { runAlertFollowUp } from "@lapora/functions/jobs/alert-follow-up";
import { runEscalation } from "@lapora/functions/jobs/escalation";
import type { createLocalDeps } from "../deps";
import { createPhoneInbox, type PhoneInbox } from "./phone-inbox";
import { type SmsInbox, startSmsInbox } from "./sms-queues";
import { startStreamPoller } from "./stream-poller";

type LocalDeps = ReturnType<typeof createLocalDeps>;

const wibHourMinute = (at: Date) => {
  const wib = new Date(at.getTime() + 7 * 3_600_000);
  return wib.getUTCHours() * 60 + wib.getUTCMinutes();
};

export interface LocalAlertsOptions {
  deps: LocalDeps;
  dynamoEndpoint: string;
  tableName: string;
  snsEndpoint: string;
  topicArn: string;
  /** The console's origin, for the link in each SMS. */
  consoleUrl: string;
  /** The VAPID keys push messages are signed with (the local push service checks them). */
  vapid: VapidKeys;
  /** When SMS is sent; core's SMS_POLICY by default. */
  smsPolicy?: Alert.SmsPolicy;
  /** The alert senders' clock (tests play the acknowledgement window with it). */
  now?: () => number;
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
  /** Reporters' SMS updates, as their phones would receive them. */
  phones: PhoneInbox;
  /** The stream poller's counters: batches handed over, records delivered, failed attempts. */
  stream: { batches: number; delivered: number; failedAttempts: number };
  /** Runs the escalation job once, now or at `time`. */
  escalate(time?: Date): ReturnType<typeof runEscalation>;
  /** Runs the alert follow-up job once: the tinggi SMS due by `time`, or with `digest` the daily digest. */
  followUp(time?: Date, task?: "follow-up" | "digest"): ReturnType<typeof runAlertFollowUp>;
  stop(): Promise<void>;
}

/**
 * Alerts on one machine, wired as in AWS: every officer on the roster subscribed for SMS (fauxqs starts
 * empty on each start, so each recorded subscription is checked), the table's stream polled into the
 * same report-events handler (push to the local push service, SMS through fauxqs), the escalation and
 * follow-up jobs on a timer, and every officer's SMS inbox read into memory.
 */
export async function startLocalAlerts(options: LocalAlertsOptions): Promise<LocalAlerts> {
  const { deps, tableName } = options;
  const log = options.log ?? ((m: string) => console.log(m));
  const inbox = startSmsInbox(deps.sqs, deps.smsQueues);
  const phones = createPhoneInbox();
  const roster: Officer.Officer[] = await deps.officers.list();
  for (const officer of roster) await deps.alerts.sync(officer, { verify: true });

  const clients = clientsFor({
    dynamoEndpoint: options.dynamoEndpoint,
    snsEndpoint: options.publishEndpoint ?? options.snsEndpoint,
  });
  const logEntry = (entry: Record<string, unknown>) => {
    if (entry.level !== "info") log(`alerts: ${JSON.stringify(entry)}`);
  };
  const delivery = alertDeps(
    { clients, names: { table: tableName, alertsTopicArn: options.topicArn }, dynamo: async () => Dynamo },
    {
      // Local settings mirror a stage's: the price cap and sender ID travel as message attributes.
      sms: { consoleUrl: options.consoleUrl, senderId: "LAPORA", maxPriceUsd: "0.50" },
      vapid: options.vapid,
      ...(options.smsPolicy ? { policy: options.smsPolicy } : {}),
      leaseMs: 60_000,
      phone: phones,
      log: logEntry,
      ...(options.now ? { now: options.now } : {}),
    },
  );
  const handler = createReportEventsHandler({ delivery, log: logEntry });
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
    roster: delivery.roster,
    acks: delivery.acks,
  };
  const minutes = options.escalationMinutes ?? 15;
  const escalate = (time?: Date) => runEscalation(stores, minutes, time ? { time: time.toISOString() } : {});
  const followUp = (time?: Date, task: "follow-up" | "digest" = "follow-up") =>
    runAlertFollowUp(delivery, { task, ...(time ? { time: time.toISOString() } : {}) });
  const policy = options.smsPolicy ?? Alert.SMS_POLICY;
  // EventBridge runs both every minute in AWS, and the digest once a day at its WIB hour.
  const timer = setInterval(() => {
    escalate().catch((err) => log(`escalation: ${(err as Error).message}`));
    followUp().catch((err) => log(`alert follow-up: ${(err as Error).message}`));
    const now = new Date();
    if (wibHourMinute(now) === policy.digestHourWib * 60)
      followUp(now, "digest").catch((err) => log(`digest: ${(err as Error).message}`));
  }, options.escalationEveryMs ?? 60_000);
  timer.unref();

  return {
    inbox,
    phones,
    stream: poller.stats,
    escalate,
    followUp,
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([poller.stop(), inbox.stop()]);
      (await clients.sns()).destroy();
      clients.dynamo.destroy();
    },
  };
}
