import type { ContactPreferences } from "../report/input";
import type { Report } from "../report/types";
import { WIB_OFFSET_MS } from "../time";

/**
 * How a reporter may be contacted. She says it on the form where she gives a phone (report/input.ts):
 * SMS allowed or not, calls allowed or not and in which WIB hours, "do not come to my house", and a safer
 * number. Officers who may see her contact see these first, as a banner above it (same audit as the
 * contact); every SMS Lapora sends her goes through `smsNumberOf`.
 */

/**
 * The number an SMS to the reporter goes to, or undefined when there must be none: no phone, the
 * contact erased, or she said "no SMS". Her safe number, when she gave one, comes before her own.
 */
export function smsNumberOf(report: Report): string | undefined {
  const { phone, preferences } = report.reporter;
  if (!phone || report.contactErasedAt || preferences?.sms === false) return undefined;
  return preferences?.safePhone ?? phone;
}

/** Minutes since WIB midnight of `HH:MM`. */
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether a call now is within what she allowed: never when she said "no calls", always when she gave
 * no hours; hours may wrap midnight (20:00-06:00).
 */
export function callAllowedAt(preferences: ContactPreferences | undefined, at: Date): boolean {
  if (!preferences) return true;
  if (!preferences.calls) return false;
  if (!preferences.callFrom || !preferences.callTo) return true;
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  const now = wib.getUTCHours() * 60 + wib.getUTCMinutes();
  const from = minutesOf(preferences.callFrom);
  const to = minutesOf(preferences.callTo);
  return from < to ? now >= from && now < to : now >= from || now < to;
}
