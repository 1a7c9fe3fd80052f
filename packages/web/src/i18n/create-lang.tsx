import type { Lang } from "@lapora/core/browser";
import { type ComponentChildren, createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { readJson, writeJson } from "../lib/storage";

// One key for the public site and the console: an officer who chose English on one gets it on the other.
const STORAGE_KEY = "lapora.lang";

export interface LangValue<S> {
  lang: Lang;
  t: S;
  setLang(lang: Lang): void;
}

/** The remembered language; Indonesian unless the reader chose English on this phone. */
export function initialLang(): Lang {
  return readJson(STORAGE_KEY) === "en" ? "en" : "id";
}

/**
 * A language context over one set of texts: the provider keeps the choice (and `<html lang>`) and the
 * hook gives the language, its texts and a way to change it. `load`, when given, fetches a language's
 * texts before the switch (the public site's English is a chunk of its own); the switch happens when
 * they have arrived, and not at all if they cannot (no signal and not cached yet).
 */
export function createLang<S>(
  textsFor: (lang: Lang) => S,
  load?: (lang: Lang) => Promise<unknown>,
  /** The language to start in: by default the remembered one. */
  initial: () => Lang = initialLang,
) {
  const Context = createContext<LangValue<S>>({ lang: "id", t: textsFor("id"), setLang: () => {} });
  function Provider({ children }: { children: ComponentChildren }) {
    const [lang, setLangState] = useState<Lang>(initial);
    useEffect(() => {
      document.documentElement.lang = lang;
    }, [lang]);
    const setLang = (next: Lang) => {
      const apply = () => {
        writeJson(STORAGE_KEY, next);
        setLangState(next);
      };
      if (load) load(next).then(apply, () => {});
      else apply();
    };
    return <Context.Provider value={{ lang, t: textsFor(lang), setLang }}>{children}</Context.Provider>;
  }
  return { Provider, use: (): LangValue<S> => useContext(Context) };
}
