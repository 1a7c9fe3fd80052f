import { randomUUID } from "node:crypto";
import { type ChannelDeps, textOnce } from "../alert/dispatch";
import { toGsm7 } from "../alert/gsm7";
import { checkConsoleUrl } from "../alert/message";
import type { ReportStore } from "../report/store";
import type { Report, ReporterUpdate, UpdateKind } from "../report/types";
import { WIB_OFFSET_MS, wibDay } from "../time";
import { smsNumberOf } from "./contact";

/**
 * Updates without asking: a reporter who gave a phone and ticked "kabari saya lewat SMS" gets one SMS, with
 * the tracking code and the news in plain Indonesian, when the report is verified, resolved or rejected, or
 * an officer asks a question; never on assignment, priority or notes, and never anyone's words. At most
 * one a day, except "resolved". The same outbox, exactly-once markers and daily SMS budget as the
 * officers' alerts: an update is cheap to delay, never to lose, so past the budget or the day's one it
 * waits for the next morning.
 */

/** Sends one SMS to a phone number (E.164); resolves with the provider's message id. */
export interface PhoneSms {
  send(phone: string, text: string): Promise<string>;
}

/** The outbox of reporter updates (the DynamoDB adapter: adapters/dynamo/reporter-store.ts). */
export interface ReporterUpdateStore {
  /** Updates due at `atIso`, oldest first. */
  due(atIso: string, limit: number): Promise<ReporterUpdate[]>;
  /** Moves an update to a later time (the next morning). */
  reschedule(update: ReporterUpdate, dueAt: string): Promise<void>;
  /** Removes a sent (or no longer wanted) update. */
  done(update: ReporterUpdate): Promise<void>;
}

/** The WIB hour a delayed update goes out the next day. */
export const UPDATE_HOUR_WIB = 7;

/** The update a change calls for, when the reporter asked for them and left a phone; else undefined. */
export function updateFor(report: Report, kind: UpdateKind, at: Date): ReporterUpdate | undefined {
  if (!report.reporter.smsUpdates || !smsNumberOf(report)) return undefined;
  const iso = at.toISOString();
  return {
    reportId: report.reportId,
    updateId: `${iso}#${randomUUID().slice(0, 8)}`,
    kind,
    at: iso,
    dueAt: iso,
  };
}

const NEWS: Record<UpdateKind, string> = {
  diverifikasi: "sudah diperiksa petugas dan akan ditindaklanjuti",
  selesai: "sudah selesai ditangani. Beri penilaian di halaman lacak",
  ditolak: "tidak dapat ditindaklanjuti. Lihat alasannya di halaman lacak",
  pertanyaan: "mendapat pertanyaan petugas. Jawab di halaman lacak",
};

/**
 * The SMS of an update: GSM-7, one SMS, the code and the news, nobody's words. The site's origin is held
 * to the console's bound (checkConsoleUrl), so the longest fits 160 characters.
 */
export function updateSms(kind: UpdateKind, trackingCode: string, siteUrl: string): string {
  return toGsm7(`LAPORA: Laporan ${trackingCode} ${NEWS[kind]}. ${checkConsoleUrl(siteUrl)}/lacak`);
}

/** The next day's UPDATE_HOUR_WIB, as an ISO instant. */
export function nextMorning(at: Date): string {
  const tomorrow = new Date(Date.parse(`${wibDay(at)}T00:00:00Z`) + 86_400_000);
  return new Date(tomorrow.getTime() - WIB_OFFSET_MS + UPDATE_HOUR_WIB * 3_600_000).toISOString();
}

export interface UpdateDeps
  extends Pick<ChannelDeps, "markers" | "leaseMs" | "budget" | "policy" | "now" | "log"> {
  updates: ReporterUpdateStore;
  phone: PhoneSms;
  reports: Pick<ReportStore, "getById">;
  /** The public site's origin, for the tracking link. */
  siteUrl: string;
}

/**
 * Sends the reporter updates due at `at`: each at most once (its marker), one a day per report except
 * "selesai" (the day's marker), within the day's SMS budget; what cannot go today waits for tomorrow.
 */
export async function runReporterUpdates(deps: UpdateDeps, at: Date, limit = 100) {
  const due = await deps.updates.due(at.toISOString(), limit);
  let sent = 0;
  let delayed = 0;
  let dropped = 0;
  const day = wibDay(at);
  for (const update of due) {
    const report = await deps.reports.getById(update.reportId);
    // Her wishes as they are now: "no SMS", a safe number, or a contact erased since it was queued.
    const phone = report?.reporter.smsUpdates ? smsNumberOf(report) : undefined;
    if (!report || !phone) {
      dropped++;
      await deps.updates.done(update);
      continue;
    }
    // The day's one update: claimed before sending, so a second one the same day waits.
    const daily = update.kind !== "selesai";
    const dayKind = `reporter-day#${day}`;
    const dayClaim = daily ? `${update.updateId}` : "";
    if (daily) {
      const claimed = await deps.markers.claim(
        update.reportId,
        dayKind,
        dayClaim,
        at.getTime(),
        deps.leaseMs,
      );
      if (claimed !== "claimed") {
        delayed++;
        await deps.updates.reschedule(update, nextMorning(at));
        continue;
      }
    }
    const text = updateSms(update.kind, report.trackingCode, deps.siteUrl);
    let outcome: Awaited<ReturnType<typeof textOnce>>;
    try {
      outcome = await textOnce(
        deps,
        { reportId: update.reportId, kind: `reporter#${update.updateId}` },
        () => deps.phone.send(phone, text),
        false,
      );
    } catch (err) {
      if (daily) await deps.markers.release(update.reportId, dayKind, dayClaim).catch(() => undefined);
      throw err;
    }
    if (outcome === "over_budget") {
      if (daily) await deps.markers.release(update.reportId, dayKind, dayClaim).catch(() => undefined);
      delayed++;
      await deps.updates.reschedule(update, nextMorning(at));
      continue;
    }
    if (daily) await deps.markers.markSent(update.reportId, dayKind, dayClaim, update.updateId, at.getTime());
    if (outcome === "sent") sent++;
    await deps.updates.done(update);
  }
  return { due: due.length, sent, delayed, dropped };
}
