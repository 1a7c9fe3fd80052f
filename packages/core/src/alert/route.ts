import type { Officer } from "../officer/types";
import { type FilterPolicy, filterPolicyFor } from "./filter-policy";
import type { Alert } from "./types";

/**
 * The attributes an alert is routed on: what each officer's FilterPolicy (filter-policy.ts) names. SNS
 * carries the same ones as message attributes, so SNS and routeAlert read one set.
 */
export function alertAttributes(alert: Alert): Record<string, string> {
  return {
    alert: alert.kind,
    kecamatan: alert.kecamatan,
    desa: alert.desa,
    category: alert.category,
    priority: alert.priority,
    // Who a reopened report is assigned to; "-" when nobody is (and for every other kind).
    assignee: alert.assignee ?? "-",
  };
}

/**
 * True when SNS would deliver a message with these attributes to a subscription with this policy:
 * every key must match (AND), a key's list matches any of its values (OR), and `$or` matches when any of
 * its alternatives does. Filter policies here use exact string values only (filter-policy.ts), and
 * the routing test checks this against the SNS emulator's own evaluation.
 */
export function matchesPolicy(policy: FilterPolicy, attributes: Readonly<Record<string, string>>): boolean {
  return Object.entries(policy).every(([key, values]) =>
    key === "$or"
      ? (values as FilterPolicy[]).some((alt) => matchesPolicy(alt, attributes))
      : attributes[key] !== undefined && (values as string[]).includes(attributes[key]),
  );
}

/**
 * The officers an alert reaches, by push and by SMS alike: those whose FilterPolicy matches it. This is
 * the one answer to "who gets which report"; the channel each of them gets it on is sms-rules.ts's.
 */
export function routeAlert<O extends Officer>(alert: Alert, roster: readonly O[]): O[] {
  const attributes = alertAttributes(alert);
  return roster.filter((officer) => {
    const policy = filterPolicyFor(officer);
    return policy !== null && matchesPolicy(policy, attributes);
  });
}

/** The active roster for routing, read from the roster store on every call. */
export const activeRoster =
  (store: { list(): Promise<Officer[]> }): (() => Promise<Officer[]>) =>
  async () =>
    (await store.list()).filter((o) => o.active);

/**
 * The roster read once for one unit of work (a stream batch, a job run), however many alerts it routes:
 * each batch sees the roster as it is when the batch starts, so an officer added a moment ago is routed
 * the next report. A failed read is not kept.
 */
export function rosterOnce(read: () => Promise<Officer[]>): () => Promise<Officer[]> {
  let roster: Promise<Officer[]> | undefined;
  return () => {
    roster ??= read().catch((err) => {
      roster = undefined;
      throw err;
    });
    return roster;
  };
}
