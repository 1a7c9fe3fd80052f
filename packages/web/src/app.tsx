import { useEffect, useRef } from "preact/hooks";
import { ReportPage } from "./form/report-page";
import { LangProvider, useLang } from "./i18n/lang";
import { linkClick, routeOf, usePath } from "./lib/router";
import { StatsRoute, statsRouteOf } from "./stats/stats-route";
import { TrackPage } from "./track/track-page";

function Header({ page }: { page: "report" | "track" | "stats" }) {
  const { t, lang, setLang } = useLang();
  const other = lang === "id" ? "en" : "id";
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        {t.skip}
      </a>
      <div class="brand-row">
        <p class="brand">
          <span class="brand-name">{t.appName}</span>
          <span class="brand-agency">{t.agency}</span>
        </p>
        <button type="button" class="lang-toggle" lang={other} onClick={() => setLang(other)}>
          {t.switchTo}
        </button>
      </div>
      <nav aria-label={t.nav.label}>
        <a href="/" onClick={linkClick} aria-current={page === "report" ? "page" : undefined}>
          {t.nav.report}
        </a>
        <a href="/lacak" onClick={linkClick} aria-current={page === "track" ? "page" : undefined}>
          {t.nav.track}
        </a>
        <a href="/statistik" onClick={linkClick} aria-current={page === "stats" ? "page" : undefined}>
          {t.nav.stats}
        </a>
      </nav>
    </header>
  );
}

function Shell() {
  const { t } = useLang();
  const path = usePath();
  const stats = statsRouteOf(path);
  const route = routeOf(path);
  const page = stats ? "stats" : route.page;
  const first = useRef(true);
  const title = stats ? t.nav.stats : route.page === "report" ? t.form.title : t.track.title;
  useEffect(() => {
    document.title = `${title} · Lapora · ${t.agency}`;
  }, [title, t]);
  useEffect(() => {
    // After an in-app navigation, move focus to the new page's heading, as a full page load would.
    if (first.current) first.current = false;
    else document.getElementById("page-title")?.focus();
  }, [page, route.page === "track" ? route.code : ""]);
  return (
    <>
      <Header page={page} />
      <main id="main" tabIndex={-1}>
        {stats ? (
          <StatsRoute week={stats.week} />
        ) : route.page === "report" ? (
          <ReportPage />
        ) : (
          <TrackPage code={route.code} />
        )}
      </main>
    </>
  );
}

export function App() {
  return (
    <LangProvider>
      <Shell />
    </LangProvider>
  );
}
