import { type ComponentChildren, createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { readJson, writeJson } from "../lib/storage";
import { type Lang, type Strings, stringsFor } from "./strings";

const STORAGE_KEY = "lapora.lang";

interface LangValue {
  lang: Lang;
  t: Strings;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangValue>({ lang: "id", t: stringsFor("id"), setLang: () => {} });

/** The remembered language; Indonesian unless the reader chose English on this phone. */
export function initialLang(): Lang {
  return readJson(STORAGE_KEY) === "en" ? "en" : "id";
}

export function LangProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = (next: Lang) => {
    writeJson(STORAGE_KEY, next);
    setLangState(next);
  };
  return (
    <LangContext.Provider value={{ lang, t: stringsFor(lang), setLang }}>{children}</LangContext.Provider>
  );
}

/** The current language, its texts, and a way to change it. */
export function useLang(): LangValue {
  return useContext(LangContext);
}
