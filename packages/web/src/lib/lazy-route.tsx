import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useLang } from "../i18n/lang";

/**
 * A page whose body is its own lazily loaded chunk, so the report form never downloads it: the heading at
 * once, the body when its chunk arrives, and a retry when it cannot (no signal).
 */
export function lazyRoute<P extends object>(load: () => Promise<FunctionComponent<P>>) {
  let loaded: FunctionComponent<P> | undefined;
  return function LazyRoute({
    title,
    loading,
    failed: failedText,
    props,
  }: {
    title: string;
    loading: string;
    failed: string;
    props: P;
  }) {
    const { t } = useLang();
    const [Page, setPage] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Page) return;
      setFailed(false);
      load().then(
        (component) => {
          loaded = component;
          setPage(() => component);
        },
        () => setFailed(true),
      );
    }, [attempt]);
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {Page ? (
          <Page {...props} />
        ) : (
          <div aria-live="polite">
            {failed ? (
              <p class="alert">
                {failedText}{" "}
                <button type="button" class="button-link" onClick={() => setAttempt((n) => n + 1)}>
                  {t.retry}
                </button>
              </p>
            ) : (
              <p class="progress">
                <span class="spinner" aria-hidden="true" />
                {loading}
              </p>
            )}
          </div>
        )}
      </section>
    );
  };
}
