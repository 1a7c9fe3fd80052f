import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useLang } from "../i18n/lang";

type PageProps = { week?: string | undefined };
let page: FunctionComponent<PageProps> | undefined;

/**
 * "Statistik": the heading now, the charts when their chunk arrives. The page, its charts and its texts
 * are one lazily loaded chunk, so the report form never downloads them.
 */
export function StatsRoute({ week }: PageProps) {
  const { t } = useLang();
  const [Page, setPage] = useState(() => page);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (Page) return;
    setFailed(false);
    import("./stats-page").then(
      (m) => {
        page = m.StatsPage;
        setPage(() => m.StatsPage);
      },
      () => setFailed(true),
    );
  }, [attempt]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t.nav.stats}
      </h1>
      {Page ? (
        <Page week={week} />
      ) : (
        <div aria-live="polite">
          {failed ? (
            <p class="alert">
              {t.stats.failed}{" "}
              <button type="button" class="button-link" onClick={() => setAttempt((n) => n + 1)}>
                {t.retry}
              </button>
            </p>
          ) : (
            <p class="progress">
              <span class="spinner" aria-hidden="true" />
              {t.stats.loading}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
