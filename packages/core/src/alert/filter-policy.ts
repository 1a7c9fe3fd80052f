import type { Officer } from "../officer/types";
import { PRIORITIES, type Priority } from "../report/priority";
import type { AlertKind } from "./types";

/** An SNS subscription FilterPolicy on the message attributes (see publisher.ts for the attributes). */
export type FilterPolicy = { [key: string]: string[] | FilterPolicy[] };

/** Which priorities of new reports each role gets by SMS when an admin has not tuned it. */
export const DEFAULT_ALERT_PRIORITIES: Record<Officer["role"], readonly Priority[]> = {
  bhabinkamtibmas: PRIORITIES,
  kapolsek: ["darurat", "tinggi"],
  spkt: ["darurat"],
  pimpinan: [],
  admin: [],
};

/** The priorities of new reports this officer is alerted to: the admin's override, else the role's default. */
export function alertPriorities(officer: Pick<Officer, "role" | "alertPriorities">): Priority[] {
  const chosen = officer.alertPriorities ?? DEFAULT_ALERT_PRIORITIES[officer.role];
  return PRIORITIES.filter((p) => chosen.includes(p));
}

const kind = (k: AlertKind): string[] => [k];

/**
 * The FilterPolicy of an officer's SMS subscription, or null when they should get no SMS at all (inactive,
 * or nothing to get). Area comes from the role: a Bhabinkamtibmas their desa, a Kapolsek their kecamatan,
 * everyone else the whole regency. Priorities of new reports come from alertPriorities. On top, a
 * Kapolsek gets the first escalation step of their kecamatan, and SPKT the second step everywhere and
 * the summaries of held darurat reports; an officer who can be assigned gets the reports assigned to them
 * that their reporter reopened, and a Kapolsek those of their kecamatan assigned to nobody.
 * SNS evaluates it: keys AND together, values in a list OR, and `$or` joins alternatives.
 */
export function filterPolicyFor(officer: Officer): FilterPolicy | null {
  if (!officer.active) return null;
  const priority = alertPriorities(officer);
  const fresh: FilterPolicy | null = priority.length > 0 ? { alert: kind("baru"), priority } : null;
  // A report its reporter reopened goes back to the officer it is assigned to, whatever the priority.
  const reopenedToMe: FilterPolicy = { alert: kind("dibuka-kembali"), assignee: [officer.nrp] };
  const anyOf = (alternatives: FilterPolicy[]): FilterPolicy =>
    alternatives.length === 1 ? (alternatives[0] as FilterPolicy) : { $or: alternatives };
  switch (officer.role) {
    case "bhabinkamtibmas": {
      const desa = officer.desa ?? [];
      return anyOf([...(fresh && desa.length > 0 ? [{ ...fresh, desa: [...desa] }] : []), reopenedToMe]);
    }
    case "kapolsek": {
      if (!officer.kecamatan) return null;
      const escalation: FilterPolicy = { alert: kind("eskalasi-kapolsek") };
      // A reopened report nobody is assigned to goes to its kecamatan's Kapolsek.
      const reopenedUnassigned: FilterPolicy = { alert: kind("dibuka-kembali"), assignee: ["-"] };
      return {
        kecamatan: [officer.kecamatan],
        $or: [...(fresh ? [fresh] : []), escalation, reopenedUnassigned, reopenedToMe],
      };
    }
    case "spkt": {
      // SPKT reviews the quarantine, so it alone hears of held darurat reports.
      const escalation: FilterPolicy = { alert: [...kind("eskalasi-spkt"), ...kind("ditahan")] };
      return anyOf([...(fresh ? [fresh] : []), escalation, reopenedToMe]);
    }
    case "pimpinan":
    case "admin":
      return fresh;
  }
}

/**
 * The FilterPolicy of an officer's SMS subscription on the topic: their own address. Who an alert
 * reaches is filterPolicyFor's answer, evaluated for push and SMS alike (route.ts); each SMS then goes
 * to one officer, so the rules of sms-rules.ts and the day's budget can count and hold it. Null for an
 * officer filterPolicyFor routes nothing to.
 */
export function smsSubscriptionPolicy(officer: Officer): FilterPolicy | null {
  return filterPolicyFor(officer) ? { to: [officer.nrp] } : null;
}

/**
 * The policy as SNS stores it. Keys are sorted, so two equal policies give the same string and an
 * unchanged officer needs no SNS call.
 */
export function serializePolicy(policy: FilterPolicy): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return JSON.stringify(sort(policy));
}
