import { findDesa, findKecamatan } from "../region/region";
import type { Category } from "../report/category";
import { CATEGORY_LABELS } from "../report/labels";
import type { Priority } from "../report/priority";
import * as TrackingCode from "../report/tracking-code";
import { isGsm7, septets, toGsm7, truncateSeptets } from "./gsm7";
import type { PushMessage } from "./push";
import { type Alert, markerKind } from "./types";

/** One SMS: 160 GSM-7 septets. */
export const SMS_LIMIT = 160;
/** The longest console base URL an SMS has room for: `https://` and a CloudFront domain are 37. */
export const MAX_CONSOLE_URL = 37;
/** Each place name keeps at least this many septets when the text has to be shortened. */
const MIN_NAME = 4;

/** The category as officers say it: the report form's labels, with karhutla as officers write it. */
export const CATEGORY_LABEL: Record<Category, string> = { ...CATEGORY_LABELS.id, karhutla: "Karhutla" };

/**
 * The console page of a report, `{base}/konsol/laporan/{code}`, by its tracking code without prefix or
 * dashes: 13 characters where the report id has 36. The officer API accepts either.
 */
export function consoleLink(consoleUrl: string, trackingCode: string): string {
  const code = trackingCode.replace(/^LPR-/, "").replaceAll("-", "");
  return `${consoleUrl.replace(/\/+$/, "")}/konsol/laporan/${code}`;
}

/** Checks a console base URL fits an SMS: http(s), GSM-7, at most MAX_CONSOLE_URL septets. */
export function checkConsoleUrl(consoleUrl: string): string {
  const base = consoleUrl.replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s/]+$/.test(base) || !isGsm7(base) || septets(base) > MAX_CONSOLE_URL) {
    throw new Error(`The console URL must be an http(s) origin of at most ${MAX_CONSOLE_URL} characters.`);
  }
  return base;
}

export interface SmsParts {
  kind: Alert["kind"];
  priority: Priority;
  category: Category;
  desaName: string;
  kecamatanName: string;
  link: string;
  waitedMinutes?: number;
}

/**
 * The SMS text of an alert, always valid GSM-7 and at most 160 septets, e.g.
 * `LAPORA DARURAT: Pencurian di Ds. Soak Baru, Kec. Sekayu. https://lapora.id/konsol/laporan/7K3MQ9TZ4HX2R`.
 * Place names are transliterated to GSM-7 and, only if the whole would not fit, shortened (the longer
 * first). The link is never cut: checkConsoleUrl bounds it.
 */
export function buildSms(p: SmsParts): string {
  const reopened = p.kind === "dibuka-kembali";
  const escalation = p.kind !== "baru" && !reopened;
  const label = escalation ? "ESKALASI " : reopened ? "DIBUKA LAGI " : "";
  const head = `LAPORA ${label}${p.priority.toUpperCase()}: ${CATEGORY_LABEL[p.category]} di Ds. `;
  const wait = escalation
    ? ` blm diverifikasi ${Math.min(999, Math.max(0, Math.round(p.waitedMinutes ?? 0)))} mnt`
    : reopened
      ? " pelapor: blm tertangani"
      : "";
  const link = toGsm7(p.link);
  const fixed = `${head}, Kec. ${wait}. ${link}`;
  const room = SMS_LIMIT - septets(fixed);
  if (room < 2 * MIN_NAME) throw new Error("The SMS link leaves no room for the place names.");
  let desa = toGsm7(p.desaName) || "-";
  let kec = toGsm7(p.kecamatanName) || "-";
  if (septets(desa) + septets(kec) > room) {
    const half = Math.floor(room / 2);
    if (septets(kec) <= half) desa = truncateSeptets(desa, room - septets(kec));
    else if (septets(desa) <= half) kec = truncateSeptets(kec, room - septets(desa));
    else {
      desa = truncateSeptets(desa, room - half);
      kec = truncateSeptets(kec, half);
    }
  }
  return `${head}${desa}, Kec. ${kec}${wait}. ${link}`;
}

/** SPKT's summary of held darurat reports, e.g. `LAPORA: 3 laporan DARURAT ditahan di karantina. Periksa https://…/konsol/karantina`. */
export function heldSummarySms(count: number, consoleUrl: string): string {
  const link = `${checkConsoleUrl(consoleUrl)}/konsol/karantina`;
  return `LAPORA: ${Math.min(count, 9999)} laporan DARURAT ditahan di karantina. Periksa ${toGsm7(link)}`;
}

/** The SMS of an alert about a report in Musi Banyuasin, with the region names looked up by code. */
export function smsFor(alert: Alert, consoleUrl: string): string {
  if (alert.kind === "ditahan") return heldSummarySms(alert.heldCount ?? 0, consoleUrl);
  const { desaName, kecamatanName, code } = factsOf(alert);
  return buildSms({
    kind: alert.kind,
    priority: alert.priority,
    category: alert.category,
    desaName,
    kecamatanName,
    link: consoleLink(checkConsoleUrl(consoleUrl), code),
    ...(alert.waitedMinutes !== undefined ? { waitedMinutes: alert.waitedMinutes } : {}),
  });
}

/** The place names and console code of an alert, as the SMS and the push notification show them. */
function factsOf(alert: Alert) {
  const found = findDesa(alert.desa);
  const parsed = TrackingCode.parse(alert.trackingCode);
  const code = (parsed.ok ? parsed.code : alert.trackingCode).replace(/^LPR-/, "").replaceAll("-", "");
  return {
    desaName: found?.desa.name ?? alert.desa,
    kecamatanName: findKecamatan(alert.kecamatan)?.name ?? found?.kecamatan.name ?? alert.kecamatan,
    code,
  };
}

/**
 * The push notification of an alert: the SMS's facts (priority, category, desa, kecamatan, for an
 * escalation how long it waited), never the reporter or the description. Tapping it opens the report in
 * the console, marked as opened from the notification (which acknowledges it).
 */
export function pushFor(alert: Alert): PushMessage {
  const base = { priority: alert.priority, kind: alert.kind, tag: `${alert.reportId}#${alert.kind}` };
  if (alert.kind === "ditahan") {
    return {
      ...base,
      title: "LAPORA: laporan DARURAT ditahan",
      body: `${alert.heldCount ?? 0} laporan darurat ditahan di karantina. Periksa sekarang.`,
      url: "/konsol/karantina",
    };
  }
  const { desaName, kecamatanName, code } = factsOf(alert);
  const reopened = alert.kind === "dibuka-kembali";
  const escalation = alert.kind !== "baru" && !reopened;
  const wait = escalation
    ? ` Belum diverifikasi ${Math.max(0, Math.round(alert.waitedMinutes ?? 0))} menit.`
    : reopened
      ? " Pelapor menyatakan belum tertangani; laporan dibuka lagi."
      : "";
  const label = escalation ? "ESKALASI " : reopened ? "DIBUKA LAGI " : "";
  return {
    ...base,
    tag: `${alert.reportId}#${markerKind(alert)}`,
    reportId: alert.reportId,
    title: `LAPORA ${label}${alert.priority.toUpperCase()}: ${CATEGORY_LABEL[alert.category]}`,
    body: `Ds. ${desaName}, Kec. ${kecamatanName}.${wait}`,
    url: `/konsol/laporan/${code}?dari=notifikasi`,
  };
}

/** The daily digest to an officer whose push devices all fail, e.g. `LAPORA: 3 laporan terbuka belum Anda terima. https://…/konsol`. */
export function digestSms(count: number, consoleUrl: string): string {
  const link = `${checkConsoleUrl(consoleUrl)}/konsol`;
  return `LAPORA: ${Math.min(count, 9999)} laporan terbuka belum Anda terima; notifikasi HP tidak aktif. ${toGsm7(link)}`;
}
