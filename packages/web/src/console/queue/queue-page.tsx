import { findDesa, findKecamatan } from "@lapora/core/browser";
import { useEffect, useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { call } from "../../lib/api";
import { CONSOLE_HOME, navigate, useLocation } from "../../lib/router";
import { officerAuth } from "../lib/session";
import type { Officer, QueuePage as Page, ReportSummary } from "../lib/types";
import { useMe } from "../me";
import { FilterPanel } from "./filter-panel";
import { apiQuery, type Filters, parseFilters, rememberQueueSearch, toSearch } from "./filters";
import { ReportCard } from "./report-card";

type State =
  | { kind: "loading" }
  | { kind: "ok"; items: ReportSummary[]; cursor: string | null; more: "idle" | "loading" | "failed" }
  | { kind: "forbidden" }
  | { kind: "invalid"; message: string }
  | { kind: "failed" };

function useScope(officer: Officer): string {
  const { t } = useT();
  if (officer.role === "bhabinkamtibmas") {
    const names = (officer.desa ?? []).map((d) => findDesa(d)?.desa.name ?? d).join(", ");
    return t.queue.scopeDesa(names);
  }
  if (officer.role === "kapolsek")
    return t.queue.scopeKecamatan(findKecamatan(officer.kecamatan ?? "")?.name ?? "");
  return t.queue.scopeAll;
}

/** The officer's queue: their area's reports, filtered and sorted, twenty at a time. */
export function QueuePage() {
  const { t } = useT();
  const { officer } = useMe();
  const { search } = useLocation();
  const filters = parseFilters(search);
  const key = toSearch(filters);
  // Tagged with the filters it answers, so a list never shows under filters it was not read with.
  const [loaded, setLoaded] = useState<{ key: string; state: State }>({ key, state: { kind: "loading" } });
  const state: State = loaded.key === key ? loaded.state : { kind: "loading" };
  const setState = (next: State) => setLoaded({ key, state: next });
  const [attempt, setAttempt] = useState(0);
  const scope = useScope(officer);

  useEffect(() => {
    document.title = `${t.queue.title} · ${t.appName}`;
  }, [t]);
  useEffect(() => {
    rememberQueueSearch(key);
    const controller = new AbortController();
    setState({ kind: "loading" });
    call<Page>("GET", apiQuery(filters), { auth: officerAuth, signal: controller.signal }).then((res) => {
      if (controller.signal.aborted) return;
      if (res.kind === "ok")
        setState({ kind: "ok", items: res.data.items, cursor: res.data.cursor, more: "idle" });
      else if (res.kind === "forbidden") setState({ kind: "forbidden" });
      else if (res.kind === "invalid") setState({ kind: "invalid", message: res.message });
      else setState({ kind: "failed" });
    });
    return () => controller.abort();
  }, [key, attempt]);

  const loadMore = async () => {
    if (state.kind !== "ok" || !state.cursor || state.more === "loading") return;
    setState({ ...state, more: "loading" });
    const res = await call<Page>("GET", apiQuery(filters, state.cursor), { auth: officerAuth });
    setLoaded((prev) => {
      const now = prev.state;
      if (prev.key !== key || now.kind !== "ok") return prev;
      if (res.kind !== "ok") return { key, state: { ...now, more: "failed" } };
      // A report that moved between pages while reading must not show twice.
      const seen = new Set(now.items.map((r) => r.reportId));
      const items = [...now.items, ...res.data.items.filter((r) => !seen.has(r.reportId))];
      return { key, state: { kind: "ok", items, cursor: res.data.cursor, more: "idle" } };
    });
  };

  const onFilters = (next: Filters) => navigate(`${CONSOLE_HOME}${toSearch(next)}`, true);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t.queue.title}
      </h1>
      <p class="hint">{scope}</p>
      <FilterPanel officer={officer} filters={filters} onChange={onFilters} />
      <div class="queue-status">
        <div aria-live="polite">
          {state.kind === "loading" && (
            <p class="progress">
              <span class="spinner" aria-hidden="true" />
              {t.loading}
            </p>
          )}
          {state.kind === "ok" && (
            <p class="hint" data-testid="queue-count">
              {state.items.length === 0 ? t.queue.empty : t.queue.count(state.items.length, !!state.cursor)}
            </p>
          )}
          {state.kind === "forbidden" && <p class="alert">{t.detail.forbidden}</p>}
          {state.kind === "invalid" && <p class="alert">{t.actions.rejected(state.message)}</p>}
          {state.kind === "failed" && <p class="alert">{t.failed}</p>}
        </div>
        {state.kind !== "loading" && (
          <button type="button" class="button-link" onClick={() => setAttempt((n) => n + 1)}>
            {t.queue.refresh}
          </button>
        )}
      </div>
      {state.kind === "failed" && (
        <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
          {t.retry}
        </button>
      )}
      {state.kind === "ok" && state.items.length > 0 && (
        <ul class="cards" aria-label={t.queue.title}>
          {state.items.map((r) => (
            <ReportCard key={r.reportId} report={r} />
          ))}
        </ul>
      )}
      {state.kind === "ok" && state.cursor && (
        <div class="more">
          {state.more === "failed" && <p class="alert">{t.failed}</p>}
          <button
            type="button"
            class="button button-secondary button-block"
            aria-disabled={state.more === "loading"}
            onClick={loadMore}
          >
            {state.more === "loading" ? t.queue.loadingMore : t.queue.more}
          </button>
        </div>
      )}
    </section>
  );
}
