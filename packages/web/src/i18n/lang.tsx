import { createLang } from "./create-lang";
import { stringsFor } from "./strings";

export { initialLang } from "./create-lang";

const lang = createLang(stringsFor);

/** The public site's language and texts (shared with the console's choice, see create-lang.tsx). */
export const LangProvider = lang.Provider;
/** The current language, its texts, and a way to change it. */
export const useLang = lang.use;
