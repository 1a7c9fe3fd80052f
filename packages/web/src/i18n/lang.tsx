import type { Lang } from "@lapora/core/browser";
import { createLang } from "./create-lang";
import { common as enCommon } from "./en/common";
import { form as enForm } from "./en/form";
import { site as enSite } from "./en/site";
import { track as enTrack } from "./en/track";
import { common as idCommon } from "./id/common";
import { form as idForm } from "./id/form";
import { site as idSite } from "./id/site";
import { track as idTrack } from "./id/track";
import type { SiteTexts } from "./types";

export { initialLang } from "./create-lang";

const BY_LANG: Record<Lang, SiteTexts> = {
  id: { ...idCommon, ...idSite, ...idForm, ...idTrack },
  en: { ...enCommon, ...enSite, ...enForm, ...enTrack },
};

const lang = createLang((l: Lang) => BY_LANG[l]);

/** The public site's language and texts (shared with the console's choice, see create-lang.tsx). */
export const LangProvider = lang.Provider;
/** The current language, its texts, and a way to change it. */
export const useLang = lang.use;
