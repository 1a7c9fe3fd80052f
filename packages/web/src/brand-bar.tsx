import type { Lang } from "@lapora/core/browser";
import type { LangValue } from "./i18n/create-lang";

interface BrandTexts {
  skip: string;
  appName: string;
  agency: string;
  switchTo: string;
}

/**
 * The top of both apps' headers: the skip link, the brand, and the switch to the other language (named
 * in that language). `bar` is the row's class: each app lays its header out its own way.
 */
export function BrandBar({ lang: value, bar }: { lang: LangValue<BrandTexts>; bar: string }) {
  const { t, lang, setLang } = value;
  const other: Lang = lang === "id" ? "en" : "id";
  return (
    <>
      <a class="skip-link" href="#main">
        {t.skip}
      </a>
      <div class={bar}>
        <p class="brand">
          <span class="brand-name">{t.appName}</span>
          <span class="brand-agency">{t.agency}</span>
        </p>
        <button type="button" class="header-button" lang={other} onClick={() => setLang(other)}>
          {t.switchTo}
        </button>
      </div>
    </>
  );
}
