import { useEffect, useRef } from "preact/hooks";
import { BrandBar } from "./brand-bar";
import { ReportPage } from "./form/report-page";
import { LangProvider, useLang } from "./i18n/lang";
import { useUpdate } from "./lib/app-update";
import { quickExit, useEscapeTwiceToExit } from "./lib/quick-exit";
import { linkClick, PRIVACY_PATH, type SiteRoute, siteRouteOf, useLocation } from "./lib/router";
import { PrivacyRoute } from "./privacy/privacy-route";
import { StatsRoute } from "./stats/stats-route";
import { TrackRoute } from "./track/track-route";

function Header({ page }: { page: SiteRoute["page"] }) {
  const lang = useLang();
  const { t } = lang;
  useEscapeTwiceToExit();
  return (
    <header class="site-header">
      <BrandBar lang={lang} bar="brand-row" />
      <button type="button" class="quick-exit" onClick={quickExit} aria-describedby="quick-exit-hint">
        {t.quickExit.button}
      </button>
      <span id="quick-exit-hint" class="visually-hidden">
        {t.quickExit.hint}
      </span>
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

/** "Versi baru": a new version waits; the resident chooses when to reload into it, never mid-report. */
function UpdateBanner() {
  const { t } = useLang();
  const apply = useUpdate();
  if (!apply) return null;
  return (
    <div class="update-banner" role="status" data-testid="update-banner">
      {t.update.text}{" "}
      <button type="button" class="button-link" onClick={apply}>
        {t.update.reload}
      </button>
    </div>
  );
}

function Shell() {
  const { t } = useLang();
  const route = siteRouteOf(useLocation().path);
  const page = route.page;
  const first = useRef(true);
  const title =
    page === "stats"
      ? t.nav.stats
      : page === "track"
        ? t.track.title
        : page === "privacy"
          ? t.privacy.title
          : "";
  useEffect(() => {
    // The report page sets its own title: a neutral one for a sensitive report (form/report-page.tsx).
    if (title) document.title = `${title} · Lapora · ${t.agency}`;
  }, [title, t]);
  useEffect(() => {
    // After an in-app navigation, move focus to the new page's heading, as a full page load would.
    if (first.current) first.current = false;
    else document.getElementById("page-title")?.focus();
  }, [page, route.page === "track" ? route.code : ""]);
  return (
    <>
      <Header page={page} />
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        {route.page === "stats" ? (
          <StatsRoute week={route.week} />
        ) : route.page === "privacy" ? (
          <PrivacyRoute />
        ) : route.page === "report" ? (
          <ReportPage />
        ) : (
          <TrackRoute code={route.code} />
        )}
      </main>
      <footer class="site-footer">
        <a href={PRIVACY_PATH} onClick={linkClick} aria-current={page === "privacy" ? "page" : undefined}>
          {t.footer.privacy}
        </a>
      </footer>
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
