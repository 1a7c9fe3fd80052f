import { useLang } from "../i18n/lang";
import { type StatsStrings, statsEn } from "./strings-en";
import { statsId } from "./strings-id";

export type { StatsStrings };

/** The statistics page's texts in the reader's language, with the app's shared texts and language. */
export function useStatsStrings() {
  const { t, lang } = useLang();
  return { s: lang === "en" ? statsEn : statsId, t, lang };
}
