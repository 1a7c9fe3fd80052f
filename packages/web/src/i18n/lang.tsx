import type { Lang } from "@lapora/core/browser";
import { createLang, initialLang } from "./create-lang";
import { common as idCommon } from "./id/common";
import { form as idForm } from "./id/form";
import { site as idSite } from "./id/site";
import { track as idTrack } from "./id/track";
import type { SiteTexts } from "./types";

export { initialLang };

const INDONESIAN: SiteTexts = { ...idCommon, ...idSite, ...idForm, ...idTrack };
// English is its own chunk (site-en.ts): most residents never ask for it, so the form does not carry it.
// The service worker precaches it with the rest of the shell, so it switches offline too.
let english: SiteTexts | undefined;

/** Loads the site's English texts (once); resolves at once for Indonesian. */
export function loadLang(lang: Lang): Promise<unknown> {
  if (lang === "id" || english) return Promise.resolve();
  return import("./site-en").then((m) => {
    english = m.SITE_EN;
  });
}

// The remembered English only once its texts are here: if they could not load, the page is Indonesian
// throughout (its texts, <html lang> and the language sent with a report).
const lang = createLang(
  (l: Lang) => (l === "en" && english) || INDONESIAN,
  loadLang,
  () => (initialLang() === "en" && english ? "en" : "id"),
);

/** The public site's language and texts (shared with the console's choice, see create-lang.tsx). */
export const LangProvider = lang.Provider;
/** The current language, its texts, and a way to change it. */
export const useLang = lang.use;
