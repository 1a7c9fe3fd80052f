import type { Lang } from "@lapora/core/browser";
import { createLang } from "./create-lang";
import { common as enCommon } from "./en/common";
import { consoleTexts as enConsole } from "./en/console";
import { common as idCommon } from "./id/common";
import { consoleTexts as idConsole } from "./id/console";
import type { ConsoleTexts } from "./types";

const BY_LANG: Record<Lang, ConsoleTexts> = {
  id: { ...idCommon, ...idConsole },
  en: { ...enCommon, ...enConsole },
};

const lang = createLang((l: Lang) => BY_LANG[l]);

/** The console's language and texts; the choice is the same one the public site remembers. */
export const ConsoleLangProvider = lang.Provider;
/** The console's language, its texts, and a way to change it. */
export const useT = lang.use;
