import type { Lang } from "@lapora/core/browser";

// Musi Banyuasin keeps Western Indonesian Time, UTC+7 all year (no daylight saving).
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A timestamp as people in Musi Banyuasin read it: date and time in WIB, e.g. "3 Desember 2025 14.05 WIB"
 * for residents, or with `month: "short"` "3 Des 2025 14.05 WIB" for the officers' console.
 * A value that is not a time is shown as it is.
 */
export function formatWib(iso: string, lang: Lang, month: "long" | "short" = "long"): string {
  const key = `${lang}:${month}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
      timeZone: "Asia/Jakarta",
      day: "numeric",
      month,
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, f);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${f.format(date)} WIB`;
}

/** The value of a datetime-local input showing `date` in WIB, whatever the phone's own time zone. */
export function toWibInput(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as WIB, as an ISO timestamp with offset; undefined when not a time. */
export function fromWibInput(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?/.exec(value);
  return match ? `${match[1]}${match[2] ?? ":00"}+07:00` : undefined;
}
