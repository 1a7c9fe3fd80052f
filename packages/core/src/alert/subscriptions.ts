import { UnavailableError } from "../errors";
import type { Officer } from "../officer/types";
import { serializePolicy, smsSubscriptionPolicy } from "./filter-policy";

/** What is subscribed for an officer, so a change can update or remove exactly that subscription. */
export interface SubscriptionRecord {
  nrp: string;
  subscriptionArn: string;
  endpoint: string;
  filterPolicy: string;
  updatedAt: string;
}

export interface SubscriptionRecordStore {
  get(nrp: string): Promise<SubscriptionRecord | undefined>;
  put(record: SubscriptionRecord): Promise<void>;
  remove(nrp: string): Promise<void>;
}

/** Where an officer's SMS go: `sms` to their phone in AWS, `sqs` to their inbox queue locally. */
export interface SubscriptionTarget {
  protocol: "sms" | "sqs";
  endpoint: string;
  /** Extra subscription attributes, e.g. RawMessageDelivery for a queue. */
  attributes?: Record<string, string>;
}

/** The topic's side: subscriptions with a FilterPolicy. */
export interface SubscriptionGateway {
  targetOf(officer: Officer): Promise<SubscriptionTarget>;
  /** Subscribes with the filter in the same call, so the endpoint never gets unfiltered messages. */
  subscribe(target: SubscriptionTarget, filterPolicy: string): Promise<string>;
  setFilterPolicy(subscriptionArn: string, filterPolicy: string): Promise<"ok" | "not_found">;
  /** Removes the subscription; one that is already gone is fine. */
  unsubscribe(subscriptionArn: string): Promise<void>;
}

export type SyncOutcome = "subscribed" | "updated" | "unchanged" | "removed" | "none";

/** Keeps an officer's SMS subscription in step with the roster: called after every roster change. */
export interface AlertSubscriptions {
  /**
   * Creates, updates or removes the officer's subscription. With `verify`, a recorded subscription is
   * checked against the topic even when nothing changed (e.g. after the local emulator restarted empty).
   */
  sync(officer: Officer, options?: { verify?: boolean }): Promise<SyncOutcome>;
}

/** The sync service over a record store and a gateway; see AlertSubscriptions. */
export function createSubscriptionSync(
  records: SubscriptionRecordStore,
  gateway: SubscriptionGateway,
  now: () => Date = () => new Date(),
): AlertSubscriptions {
  return {
    async sync(officer, { verify = false } = {}) {
      const policy = smsSubscriptionPolicy(officer);
      const record = await records.get(officer.nrp);
      if (!policy) {
        if (!record) return "none";
        await gateway.unsubscribe(record.subscriptionArn);
        await records.remove(officer.nrp);
        return "removed";
      }
      const filterPolicy = serializePolicy(policy);
      const updatedAt = now().toISOString();
      const target = await gateway.targetOf(officer);
      if (record && record.endpoint === target.endpoint) {
        if (record.filterPolicy === filterPolicy && !verify) return "unchanged";
        if ((await gateway.setFilterPolicy(record.subscriptionArn, filterPolicy)) === "ok") {
          await records.put({ ...record, filterPolicy, updatedAt });
          return "updated";
        }
      }
      const subscriptionArn = await gateway.subscribe(target, filterPolicy);
      await records.put({
        nrp: officer.nrp,
        subscriptionArn,
        endpoint: target.endpoint,
        filterPolicy,
        updatedAt,
      });
      // A new phone number: the old one stops getting SMS only once the new one is subscribed.
      if (record && record.subscriptionArn !== subscriptionArn)
        await gateway.unsubscribe(record.subscriptionArn);
      return "subscribed";
    },
  };
}

/**
 * Syncs the SMS subscription of an officer the roster just saved. The roster change stands even if SNS
 * fails; the UnavailableError asks the admin to save again, which syncs again (sync is idempotent).
 */
export async function syncAfterRosterChange(subscriptions: AlertSubscriptions, officer: Officer) {
  try {
    return await subscriptions.sync(officer);
  } catch (err) {
    throw new UnavailableError(
      "The officer was saved, but their SMS alerts could not be updated. Save the officer again to retry.",
      { cause: err },
    );
  }
}
