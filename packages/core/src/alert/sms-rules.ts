import * as z from "zod/mini";
import { PRIORITIES, type Priority } from "../report/priority";
import type { Alert } from "./types";

/**
 * When an officer the alert is routed to (route.ts) also gets it by SMS, per priority:
 * - `now`: SMS at once, as well as push;
 * - `unacknowledged`: push first, then SMS to each routed officer if none of them has acknowledged within
 *   `afterMinutes` (once one has it, the others' phones need not ring: follow-up.ts);
 * - `digest`: push only; an officer whose push devices all fail gets one digest SMS a day instead.
 * An officer with no push device gets an SMS for every alert routed to them, as before push existed.
 */
export type SmsRule = { when: "now" } | { when: "unacknowledged"; afterMinutes: number } | { when: "digest" };

export interface SmsPolicy {
  rules: Record<Priority, SmsRule>;
  /**
   * SMS per WIB day per stage. Past it, digests and SMS of `sedang` and `rendah` stop, `tinggi` waits
   * for push acknowledgement, and `darurat` is always sent (and still counted).
   */
  dailyBudget: number;
  /** The WIB hour the daily digest goes out. */
  digestHourWib: number;
}

/**
 * The defaults. The budget is the prod SMS cap spread over a month: 100 USD / 0.40 USD per SMS / 31 days
 * is 8 (docs/deploy.md gives the formula); a stage sets its own with LAPORA_SMS_POLICY.
 */
export const SMS_POLICY: SmsPolicy = {
  rules: {
    darurat: { when: "now" },
    tinggi: { when: "unacknowledged", afterMinutes: 5 },
    sedang: { when: "digest" },
    rendah: { when: "digest" },
  },
  dailyBudget: 8,
  digestHourWib: 7,
};

/** Priorities whose SMS a failing push service never holds back: a life may depend on them. */
export const PUSH_FALLBACK_PRIORITIES: readonly Priority[] = ["darurat", "tinggi"];

const Rule = z.discriminatedUnion("when", [
  z.object({ when: z.literal("now") }),
  z.object({
    when: z.literal("unacknowledged"),
    afterMinutes: z.number().check(z.int(), z.minimum(1), z.maximum(240)),
  }),
  z.object({ when: z.literal("digest") }),
]);
const Policy = z.object({
  rules: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, Rule])) as Record<Priority, typeof Rule>),
  dailyBudget: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)),
  digestHourWib: z.number().check(z.int(), z.minimum(0), z.maximum(23)),
});

/**
 * The stage's SMS policy from a JSON override of some fields (LAPORA_SMS_POLICY), checked at deploy and
 * at cold start. `darurat` stays `now` whatever is given: an emergency's SMS is never held back.
 */
export function parseSmsPolicy(json: string | undefined): SmsPolicy {
  if (!json) return SMS_POLICY;
  const given = JSON.parse(json) as Partial<SmsPolicy>;
  const policy = Policy.parse({ ...SMS_POLICY, ...given, rules: { ...SMS_POLICY.rules, ...given.rules } });
  if (policy.rules.darurat.when !== "now") throw new Error("The SMS rule of darurat must stay `now`.");
  return policy as SmsPolicy;
}

/** What one routed officer gets for one alert. */
export interface DeliveryPlan {
  push: boolean;
  /** `now`, `after` (a follow-up if not acknowledged by then), or `none`. */
  sms: "now" | "after" | "none";
  afterMinutes?: number;
}

/** The plan for an officer with (or without) a push device; SPKT's quarantine summary counts as darurat. */
export function planDelivery(
  alert: Pick<Alert, "priority">,
  policy: SmsPolicy,
  hasPush: boolean,
): DeliveryPlan {
  if (!hasPush) return { push: false, sms: "now" };
  const rule = policy.rules[alert.priority];
  switch (rule.when) {
    case "now":
      return { push: true, sms: "now" };
    case "unacknowledged":
      return { push: true, sms: "after", afterMinutes: rule.afterMinutes };
    case "digest":
      return { push: true, sms: "none" };
  }
}

/** An SMS the budget may hold back: everything but darurat. */
export const budgeted = (priority: Priority) => priority !== "darurat";
