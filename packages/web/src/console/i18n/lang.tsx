import { createLang } from "../../i18n/create-lang";
import { consoleStrings } from "./strings";

const lang = createLang(consoleStrings);

/** The console's language and texts; the choice is the same one the public site remembers. */
export const ConsoleLangProvider = lang.Provider;
/** The console's language, its texts, and a way to change it. */
export const useT = lang.use;
