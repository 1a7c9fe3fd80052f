import { parseTrackingCode } from "@lapora/core/browser";
import { useEffect, useState } from "preact/hooks";
import { useLang } from "../i18n/lang";
import { navigate, trackPath } from "../lib/router";
import { fetchReport, type TrackResult } from "./fetch-report";
import type { ReportView as ReportViewType } from "./report-view";
import "../styles/receipt.css";
import "../styles/track.css";

type View = { kind: "idle" } | { kind: "loading" } | TrackResult;

// The report's view (timeline, steps) is its own chunk, fetched together with the report: the report
// form, which shares this bundle, never downloads it.
let ReportView: typeof ReportViewType | undefined;
const loadReportView = () =>
  import("./report-view").then(
    (m) => {
      ReportView = m.ReportView;
      return true;
    },
    () => false,
  );

/**
 * "Lacak Laporan": a code box, and the report for the code in the address (`/lacak/{code}`). Its own
 * chunk (track-route.tsx), under the heading the route shows at once.
 */
export function TrackPage({ code }: { code?: string | undefined }) {
  const { t } = useLang();
  const [input, setInput] = useState(code ?? "");
  const [view, setView] = useState<View>({ kind: "idle" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setInput(code ?? "");
    if (!code) return setView({ kind: "idle" });
    const parsed = parseTrackingCode(code);
    if (!parsed.ok) return setView({ kind: "invalid", reason: parsed.reason });
    if (parsed.code !== code) return navigate(trackPath(parsed.code)); // one canonical address to bookmark
    const controller = new AbortController();
    setView({ kind: "loading" });
    Promise.all([fetchReport(parsed.code, controller.signal), loadReportView()]).then(([result, loaded]) => {
      if (!controller.signal.aborted) setView(result.kind === "ok" && !loaded ? { kind: "failed" } : result);
    });
    return () => controller.abort();
  }, [code, attempt]);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const parsed = parseTrackingCode(input);
    // The check character catches a typo here, before anything is sent.
    if (!parsed.ok) return setView({ kind: "invalid", reason: parsed.reason });
    if (parsed.code === code) setAttempt((n) => n + 1);
    else navigate(trackPath(parsed.code));
  };

  const error =
    view.kind === "invalid" ? (view.reason === "checksum" ? t.track.checksum : t.track.format) : undefined;
  return (
    <>
      <p>{t.track.intro}</p>
      <form class="track-form" noValidate onSubmit={onSubmit}>
        <label class="field-label" for="track-code">
          {t.track.codeLabel}
        </label>
        <p class="hint" id="track-code-hint">
          {t.track.codeHint}
        </p>
        {error && (
          <p class="field-error" id="track-code-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        <div class="inline-form">
          <input
            id="track-code"
            type="text"
            autocomplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            value={input}
            aria-invalid={!!error}
            aria-describedby={error ? "track-code-hint track-code-error" : "track-code-hint"}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
          <button type="submit" class="button button-primary">
            {t.track.submit}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {view.kind === "loading" && <p class="progress">{t.track.loading}</p>}
        {view.kind === "not_found" && <p class="alert">{t.track.notFound}</p>}
        {view.kind === "failed" && (
          <p class="alert">
            {t.track.failed}{" "}
            <button type="button" class="button-link" onClick={() => setAttempt((n) => n + 1)}>
              {t.retry}
            </button>
          </p>
        )}
      </div>
      {view.kind === "ok" && ReportView && <ReportView report={view.report} />}
    </>
  );
}
