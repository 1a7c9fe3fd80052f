import { canManageRoster, canReadFullStats, canReviewQuarantine } from "@lapora/core/browser";
import { useEffect, useRef, useState } from "preact/hooks";
import { BrandBar } from "../brand-bar";
import { ConsoleLangProvider, useT } from "../i18n/console-lang";
import { call } from "../lib/api";
import {
  CONSOLE_HOME,
  type ConsoleRoute,
  consoleNotificationsPath,
  consoleQuarantinePath,
  consoleRosterPath,
  consoleRouteOf,
  consoleStatsPath,
  linkClick,
  useLocation,
} from "../lib/router";
import { DetailPage } from "./detail/detail-page";
import { endSession, officerAuth, useSession } from "./lib/session";
import type { Me } from "./lib/types";
import { MeContext } from "./me";
import { NotificationsPage } from "./push/notifications-page";
import { QuarantinePage } from "./quarantine/quarantine-page";
import { queueSearch } from "./queue/filters";
import { QueuePage } from "./queue/queue-page";
import { OfficerPage } from "./roster/officer-page";
import { RosterPage } from "./roster/roster-page";
import { SignInPage } from "./sign-in";
import { StatsPage } from "./stats/stats-page";

/** The console's pages: the queue and Notifikasi for everyone, and what each role has beyond them. */
function Nav({ me, route }: { me: Me; route: ConsoleRoute }) {
  const { t } = useT();
  const stats = canReadFullStats(me.officer);
  const quarantine = canReviewQuarantine(me.officer);
  const roster = canManageRoster(me.officer);
  const current = (page: ConsoleRoute["page"]) =>
    route.page === page ||
    (page === "queue" && route.page === "report") ||
    (page === "roster" && route.page === "officer")
      ? "page"
      : undefined;
  return (
    <nav class="console-bar console-nav" aria-label={t.nav.label}>
      <a href={`${CONSOLE_HOME}${queueSearch()}`} onClick={linkClick} aria-current={current("queue")}>
        {t.nav.queue}
      </a>
      {quarantine && (
        <a href={consoleQuarantinePath()} onClick={linkClick} aria-current={current("quarantine")}>
          {t.nav.quarantine}
        </a>
      )}
      {stats && (
        <a href={consoleStatsPath()} onClick={linkClick} aria-current={current("stats")}>
          {t.nav.stats}
        </a>
      )}
      {roster && (
        <a href={consoleRosterPath()} onClick={linkClick} aria-current={current("roster")}>
          {t.nav.roster}
        </a>
      )}
      <a href={consoleNotificationsPath()} onClick={linkClick} aria-current={current("notifications")}>
        {t.nav.notifications}
      </a>
    </nav>
  );
}

function Header({ me, route }: { me?: Me | undefined; route?: ConsoleRoute }) {
  const lang = useT();
  const { t } = lang;
  return (
    <header class="console-header">
      <BrandBar lang={lang} bar="console-bar" />
      {me && (
        <div class="console-bar officer-bar">
          <p class="officer" data-testid="officer">
            {t.signedInAs(me.officer.name, t.roles[me.officer.role])}
          </p>
          <button type="button" class="header-button" onClick={() => endSession("signed_out")}>
            {t.signOut}
          </button>
        </div>
      )}
      {me && route && <Nav me={me} route={route} />}
    </header>
  );
}

type MeState = { kind: "loading" } | { kind: "ok"; me: Me } | { kind: "failed" };

function SignedIn({ token }: { token: string }) {
  const { t } = useT();
  const [state, setState] = useState<MeState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  const { path } = useLocation();
  const route = consoleRouteOf(path);
  const first = useRef(true);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: "loading" });
    call<Me>("GET", "/api/officer/me", { auth: officerAuth, signal: controller.signal }).then((res) => {
      if (!controller.signal.aborted)
        setState(res.kind === "ok" ? { kind: "ok", me: res.data } : { kind: "failed" });
    });
    return () => controller.abort();
  }, [token, attempt]);

  useEffect(() => {
    // After an in-console navigation, move focus to the new page's heading, as a page load would.
    if (first.current) first.current = false;
    else document.getElementById("page-title")?.focus();
  }, [route.page, route.page === "report" ? route.id : route.page === "officer" ? route.nrp : ""]);
  useEffect(() => {
    // Just signed in: the sign-in form (and its focused button) is gone, so start from the page's heading.
    const active = document.activeElement;
    if (state.kind === "ok" && (!active || active === document.body))
      document.getElementById("page-title")?.focus();
  }, [state.kind]);

  if (state.kind !== "ok") {
    return (
      <>
        <Header />
        <main id="main" tabIndex={-1}>
          {state.kind === "loading" ? (
            <p class="progress">
              <span class="spinner" aria-hidden="true" />
              {t.loading}
            </p>
          ) : (
            <div role="alert">
              <p class="alert">{t.failed}</p>
              <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
                {t.retry}
              </button>
            </div>
          )}
        </main>
      </>
    );
  }
  return (
    <MeContext.Provider value={state.me}>
      <Header me={state.me} route={route} />
      <main id="main" tabIndex={-1}>
        {route.page === "report" ? (
          <DetailPage key={route.id} id={route.id} />
        ) : route.page === "stats" ? (
          <StatsPage week={route.week} />
        ) : route.page === "quarantine" ? (
          <QuarantinePage />
        ) : route.page === "notifications" ? (
          <NotificationsPage />
        ) : route.page === "roster" ? (
          <RosterPage />
        ) : route.page === "officer" ? (
          <OfficerPage key={route.nrp} nrp={route.nrp} />
        ) : (
          <QueuePage />
        )}
      </main>
    </MeContext.Provider>
  );
}

function Shell() {
  const session = useSession();
  if (session) return <SignedIn token={session.idToken} />;
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <SignInPage />
      </main>
    </>
  );
}

/**
 * The officers' console at `/konsol`: sign-in, the queue, one report at `/konsol/laporan/{id}`, the
 * leadership statistics at `/konsol/statistik[/{week}]`, the quarantine, the officer's notification
 * devices at `/konsol/notifikasi` and, for admins, the roster at `/konsol/petugas[/{nrp}]`.
 */
export function ConsoleApp() {
  return (
    <ConsoleLangProvider>
      <Shell />
    </ConsoleLangProvider>
  );
}
