import type { Lang } from "@lapora/core/report/messages";

const formatters = new Map<Lang, Intl.DateTimeFormat>();

/** A time as officers in Musi Banyuasin read it: short date and time in WIB, e.g. "3 Mei 2025 14.05 WIB". */
export function formatWib(iso: string, lang: Lang): string {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
      timeZone: "Asia/Jakarta",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(lang, f);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${f.format(date)} WIB`;
}
