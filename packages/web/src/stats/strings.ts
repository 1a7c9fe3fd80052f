import { stats as en } from "../i18n/en/stats";
import { stats as id } from "../i18n/id/stats";
import { useLang } from "../i18n/lang";
import type { StatsTexts } from "../i18n/types";

export type StatsStrings = StatsTexts;

/** The statistics page's texts in the reader's language, with the app's shared texts and language. */
export function useStatsStrings() {
  const { t, lang } = useLang();
  return { s: lang === "en" ? en : id, t, lang };
}
