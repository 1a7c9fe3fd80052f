import type { Officer } from "../officer/types";
import type { Status } from "../report/status";
import { wibDay } from "../time";
import type { AckStore } from "./ack";
import { type ChannelDeps, type FollowUpStore, smsKey, smsOnce } from "./dispatch";
import { digestSms, smsFor } from "./message";
import { isWorking } from "./push";
import { routeAlert } from "./route";
import type { AlertSource } from "./types";

export interface FollowUpDeps extends ChannelDeps {
  roster: () => Promise<Officer[]>;
  followUps: FollowUpStore;
  acks: AckStore;
  /** A report's status now; undefined when it is gone. */
  statusOf: (reportId: string) => Promise<Status | undefined>;
}

/**
 * The `tinggi` SMS of the acknowledgement window: for each follow-up due, an SMS to the officer unless
 * an officer the alert was routed to (they, or a colleague) acknowledged the report, it is no longer
 * waiting (`diterima`), or they are no longer routed to it. Someone on it is what the SMS is for: once
 * the desa's Bhabinkamtibmas has it, the Kapolsek's phone need not ring too (and escalation reads the
 * acknowledgements the same way).
 * Past the day's budget it is not sent: the report waits for a push acknowledgement, and escalates if
 * nobody gives one. A follow-up SNS could not take stays, and the next run sends it.
 */
export async function runFollowUps(deps: FollowUpDeps, at: Date, limit = 200) {
  const due = await deps.followUps.due(at.toISOString(), limit);
  const roster = due.length > 0 ? await deps.roster() : [];
  let sent = 0;
  let dropped = 0;
  let overBudget = 0;
  for (const followUp of due) {
    const routed = routeAlert(followUp.alert, roster);
    const officer = routed.find((o) => o.nrp === followUp.nrp);
    const acked = (await deps.acks.acknowledgements(followUp.alert.reportId)).some((a) =>
      routed.some((o) => o.nrp === a.nrp),
    );
    const waiting = (await deps.statusOf(followUp.alert.reportId)) === "diterima";
    if (officer && !acked && waiting) {
      const text = smsFor(followUp.alert, deps.consoleUrl);
      const outcome = await smsOnce(deps, smsKey(followUp.alert, officer.nrp), officer, text, false);
      if (outcome === "sent") sent++;
      if (outcome === "over_budget") overBudget++;
    } else dropped++;
    await deps.followUps.done(followUp);
  }
  return { due: due.length, sent, dropped, overBudget };
}

export interface DigestDeps extends ChannelDeps {
  roster: () => Promise<Officer[]>;
  acks: AckStore;
  /** Open reports (diterima, diverifikasi, ditangani) created since `fromIso`. */
  openReports: (fromIso: string) => Promise<AlertSource[]>;
}

/** How far back the digest looks for open reports an officer has not acknowledged. */
export const DIGEST_LOOKBACK_DAYS = 14;

/**
 * The daily digest: one SMS to each officer who has push devices, none of them working, and open reports
 * routed to them that they have not acknowledged. At most one per officer per WIB day (its marker), and
 * not past the day's budget. An officer without any push device gets no digest: every alert already
 * reached them by SMS.
 */
export async function runDigests(deps: DigestDeps, at: Date) {
  const day = wibDay(at);
  const reports = await deps.openReports(
    new Date(at.getTime() - DIGEST_LOOKBACK_DAYS * 86_400_000).toISOString(),
  );
  let sent = 0;
  let overBudget = 0;
  let officers = 0;
  const roster = await deps.roster();
  for (const officer of roster) {
    const devices = await deps.devices.list(officer.nrp);
    if (devices.length === 0 || devices.some(isWorking)) continue;
    let open = 0;
    for (const report of reports) {
      if (routeAlert({ ...report, kind: "baru" }, [officer]).length === 0) continue;
      const acks = await deps.acks.acknowledgements(report.reportId);
      if (!acks.some((a) => a.nrp === officer.nrp)) open++;
    }
    if (open === 0) continue;
    officers++;
    const key = { reportId: `digest-${day}`, kind: `sms#${officer.nrp}` };
    const outcome = await smsOnce(deps, key, officer, digestSms(open, deps.consoleUrl), false);
    if (outcome === "sent") sent++;
    if (outcome === "over_budget") overBudget++;
  }
  return { day, officers, sent, overBudget };
}
