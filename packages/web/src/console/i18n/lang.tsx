import { type ComponentChildren, createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { readJson, writeJson } from "../../lib/storage";
import { type ConsoleStrings, consoleStrings, type Lang } from "./strings";

// The same key as the public app: an officer who chose English there gets English here, and back.
const STORAGE_KEY = "lapora.lang";

interface LangValue {
  lang: Lang;
  t: ConsoleStrings;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangValue>({ lang: "id", t: consoleStrings("id"), setLang: () => {} });

export function ConsoleLangProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(() => (readJson(STORAGE_KEY) === "en" ? "en" : "id"));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = (next: Lang) => {
    writeJson(STORAGE_KEY, next);
    setLangState(next);
  };
  return (
    <LangContext.Provider value={{ lang, t: consoleStrings(lang), setLang }}>{children}</LangContext.Provider>
  );
}

/** The console's language, its texts, and a way to change it. */
export function useT(): LangValue {
  return useContext(LangContext);
}
