import { useEffect, useRef, useState } from "preact/hooks";
import { DetailPage } from "./detail/detail-page";
import { ConsoleLangProvider, useT } from "./i18n/lang";
import { call } from "./lib/api";
import { routeOf, useLocation } from "./lib/router";
import { endSession, useSession } from "./lib/session";
import type { Me } from "./lib/types";
import { MeContext } from "./me";
import { QueuePage } from "./queue/queue-page";
import { SignInPage } from "./sign-in";

function Header({ me }: { me?: Me | undefined }) {
  const { t, lang, setLang } = useT();
  const other = lang === "id" ? "en" : "id";
  return (
    <header class="console-header">
      <a class="skip-link" href="#main">
        {t.skip}
      </a>
      <div class="console-bar">
        <p class="brand">
          <span class="brand-name">{t.appName}</span>
          <span class="brand-agency">{t.agency}</span>
        </p>
        <button type="button" class="header-button" lang={other} onClick={() => setLang(other)}>
          {t.switchTo}
        </button>
      </div>
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
    </header>
  );
}

type MeState = { kind: "loading" } | { kind: "ok"; me: Me } | { kind: "failed" };

function SignedIn({ token }: { token: string }) {
  const { t } = useT();
  const [state, setState] = useState<MeState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  const { path } = useLocation();
  const route = routeOf(path);
  const first = useRef(true);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: "loading" });
    call<Me>("GET", "/api/officer/me", undefined, controller.signal).then((res) => {
      if (!controller.signal.aborted)
        setState(res.kind === "ok" ? { kind: "ok", me: res.data } : { kind: "failed" });
    });
    return () => controller.abort();
  }, [token, attempt]);

  useEffect(() => {
    // After an in-console navigation, move focus to the new page's heading, as a page load would.
    if (first.current) first.current = false;
    else document.getElementById("page-title")?.focus();
  }, [route.page, route.page === "report" ? route.id : ""]);
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
      <Header me={state.me} />
      <main id="main" tabIndex={-1}>
        {route.page === "report" ? <DetailPage key={route.id} id={route.id} /> : <QueuePage />}
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

/** The officers' console at `/konsol`: sign-in, the queue, and one report at `/konsol/laporan/{id}`. */
export function ConsoleApp() {
  return (
    <ConsoleLangProvider>
      <Shell />
    </ConsoleLangProvider>
  );
}
