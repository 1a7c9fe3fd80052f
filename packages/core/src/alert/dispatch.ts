import { randomUUID } from "node:crypto";
import type { Officer } from "../officer/types";
import { wibDay } from "../time";
import { AlertBusyError, type AlertMarkerStore } from "./delivery";
import { pushFor, smsFor } from "./message";
import type { PushDevice, PushDeviceStore, PushSender } from "./push";
import { routeAlert } from "./route";
import { budgeted, PUSH_FALLBACK_PRIORITIES, planDelivery, type SmsPolicy } from "./sms-rules";
import { type Alert, markerKind } from "./types";

/** Sends one SMS to one officer; resolves with SNS's message id, throws when SNS did not take it. */
export interface SmsSender {
  send(officer: Officer, text: string): Promise<string>;
}

/** The day's SMS count per stage (WIB days), for the budget. */
export interface SmsBudget {
  /** Counts one SMS unless the day is at `budget` and it is not `critical`; `count` is after the take. */
  take(day: string, budget: number, critical: boolean): Promise<{ allowed: boolean; count: number }>;
  /** Gives back a take whose SMS SNS then refused. */
  giveBack(day: string): Promise<void>;
}

/** A `tinggi` SMS due to an officer who has not acknowledged by `dueAt`. */
export interface FollowUp {
  alert: Alert;
  nrp: string;
  dueAt: string;
}

export interface FollowUpStore {
  /** Schedules it once per alert and officer (a retry writes the same item). */
  schedule(followUp: FollowUp): Promise<void>;
  /** Follow-ups due at `atIso`, oldest first. */
  due(atIso: string, limit: number): Promise<FollowUp[]>;
  done(followUp: FollowUp): Promise<void>;
}

export interface ChannelDeps {
  markers: AlertMarkerStore;
  /** At least the consumer's timeout: after it, a claim's holder can no longer be sending. */
  leaseMs: number;
  devices: PushDeviceStore;
  push: PushSender;
  sms: SmsSender;
  budget: SmsBudget;
  policy: SmsPolicy;
  consoleUrl: string;
  now?: () => number;
  log?: (entry: Record<string, unknown>) => void;
}

export interface DispatchDeps extends ChannelDeps {
  /** The active roster (report-events caches it briefly). */
  roster: () => Promise<Officer[]>;
  followUps: FollowUpStore;
}

/** What one alert did: counts only, never who the reporter is. */
export interface DispatchResult {
  routed: number;
  pushed: number;
  sms: number;
  scheduled: number;
  removedDevices: number;
  fallbacks: number;
  overBudget: number;
}

const empty = (): DispatchResult => ({
  routed: 0,
  pushed: 0,
  sms: 0,
  scheduled: 0,
  removedDevices: 0,
  fallbacks: 0,
  overBudget: 0,
});

type SmsOutcome = "sent" | "already_sent" | "over_budget";

/**
 * Sends one SMS to one officer at most once per key (`{reportId, kind}` of the marker), within the day's
 * budget: the marker is claimed, the budget taken, then SNS called. If SNS fails, both are given back and
 * the error thrown, so the stream (or the next job run) retries: nothing is lost, nothing doubled.
 */
export function smsOnce(
  deps: ChannelDeps,
  key: { reportId: string; kind: string },
  officer: Officer,
  text: string,
  critical: boolean,
): Promise<SmsOutcome> {
  return textOnce(deps, key, () => deps.sms.send(officer, text), critical);
}

/**
 * The exactly-once protocol of one SMS, whoever it goes to (an officer, or a reporter's own phone):
 * claim the marker, take the budget, `send` (resolving with the message id), mark it sent.
 */
export async function textOnce(
  deps: Pick<ChannelDeps, "markers" | "leaseMs" | "budget" | "policy" | "now" | "log">,
  key: { reportId: string; kind: string },
  send: () => Promise<string>,
  critical: boolean,
): Promise<SmsOutcome> {
  const now = deps.now ?? Date.now;
  const claimId = randomUUID();
  const claim = await deps.markers.claim(key.reportId, key.kind, claimId, now(), deps.leaseMs);
  if (claim === "sent") return "already_sent";
  if (claim === "busy") throw new AlertBusyError(key);
  const day = wibDay(new Date(now()));
  let taken: { allowed: boolean; count: number };
  try {
    taken = await deps.budget.take(day, deps.policy.dailyBudget, critical);
  } catch (err) {
    await deps.markers.release(key.reportId, key.kind, claimId).catch(() => undefined);
    throw err;
  }
  if (taken.count > deps.policy.dailyBudget || !taken.allowed) {
    // The alarm's signal (stacks/sms-alarms.ts): the day's budget is spent.
    deps.log?.({ level: "warn", outcome: "sms_over_budget", kind: key.kind, sent: taken.allowed, day });
  }
  if (!taken.allowed) {
    await deps.markers.release(key.reportId, key.kind, claimId).catch(() => undefined);
    return "over_budget";
  }
  let messageId: string;
  try {
    messageId = await send();
  } catch (err) {
    await deps.budget.giveBack(day).catch(() => undefined);
    await deps.markers.release(key.reportId, key.kind, claimId).catch(() => undefined);
    throw err;
  }
  // The SMS went out; a failed "sent" write only risks a second SMS after the lease (see deliverOnce).
  await deps.markers.markSent(key.reportId, key.kind, claimId, messageId, now()).catch(() => undefined);
  return "sent";
}

type PushResult = "sent" | "already_sent" | "gone" | "failed";

/** One push to one device, at most once per alert: a failure releases the claim (no retry waits on it). */
async function pushOnce(deps: ChannelDeps, alert: Alert, device: PushDevice): Promise<PushResult> {
  const now = deps.now ?? Date.now;
  const kind = `${markerKind(alert)}#push#${device.nrp}#${device.deviceId}`;
  const claimId = randomUUID();
  const claim = await deps.markers.claim(alert.reportId, kind, claimId, now(), deps.leaseMs);
  // Another run holds it: that run is pushing it now, so it counts as reaching the officer.
  if (claim !== "claimed") return "already_sent";
  const { outcome, status } = await deps.push.send(device, pushFor(alert));
  const at = new Date(now()).toISOString();
  if (outcome === "sent") {
    await deps.markers.markSent(alert.reportId, kind, claimId, `push-${status ?? 201}`, now());
    await deps.devices.markOk(device.nrp, device.deviceId, at).catch(() => undefined);
    return "sent";
  }
  await deps.markers.release(alert.reportId, kind, claimId).catch(() => undefined);
  if (outcome === "gone") await deps.devices.remove(device.nrp, device.deviceId);
  else await deps.devices.markFailing(device.nrp, device.deviceId, at);
  deps.log?.({
    level: "warn",
    outcome: `push_${outcome}`,
    kind: alert.kind,
    status,
    reportId: alert.reportId,
  });
  return outcome;
}

/** The marker key of an alert's SMS to one officer: push fallback, rule and follow-up share it, so one SMS. */
export const smsKey = (alert: Alert, nrp: string) => ({
  reportId: alert.reportId,
  kind: `${markerKind(alert)}#sms#${nrp}`,
});

/**
 * Delivers one alert to every officer it is routed to (route.ts), on the channels sms-rules.ts gives:
 * push to each of their devices, and SMS now, after the acknowledgement window, or not at all. A device
 * the push service calls gone is removed; when no device took a darurat or tinggi alert, the SMS goes at
 * once instead. When SNS fails, the others are still reached, then the error is thrown so the record is
 * retried, and the markers keep what was sent from going twice.
 */
export async function dispatchAlert(deps: DispatchDeps, alert: Alert): Promise<DispatchResult> {
  const now = deps.now ?? Date.now;
  const officers = routeAlert(alert, await deps.roster());
  const result = { ...empty(), routed: officers.length };
  const text = smsFor(alert, deps.consoleUrl);
  const errors: unknown[] = [];

  async function reach(officer: Officer) {
    const devices = await deps.devices.list(officer.nrp);
    const plan = planDelivery(alert, deps.policy, devices.length > 0);
    let reached = false;
    let gone = 0;
    if (plan.push) {
      for (const device of devices) {
        const outcome = await pushOnce(deps, alert, device);
        if (outcome === "sent") result.pushed++;
        if (outcome === "sent" || outcome === "already_sent") reached = true;
        if (outcome === "gone") gone++;
      }
      result.removedDevices += gone;
    }
    const allGone = plan.push && gone === devices.length;
    const fallback = plan.push && !reached && PUSH_FALLBACK_PRIORITIES.includes(alert.priority);
    if (plan.sms === "now" || fallback || allGone) {
      if (plan.sms !== "now") result.fallbacks++;
      const outcome = await smsOnce(
        deps,
        smsKey(alert, officer.nrp),
        officer,
        text,
        !budgeted(alert.priority),
      );
      if (outcome === "sent") result.sms++;
      if (outcome === "over_budget") result.overBudget++;
    } else if (plan.sms === "after") {
      const dueAt = new Date(now() + (plan.afterMinutes ?? 0) * 60_000).toISOString();
      await deps.followUps.schedule({ alert, nrp: officer.nrp, dueAt });
      result.scheduled++;
    }
  }

  let next = 0;
  const worker = async () => {
    while (next < officers.length) {
      const officer = officers[next++] as Officer;
      await reach(officer).catch((err) => errors.push(err));
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, officers.length) }, worker));
  if (errors.length > 0) throw errors[0];
  return result;
}
