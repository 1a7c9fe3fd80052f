import { canReadFullStats } from "@lapora/core/browser";
import { useEffect } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { consoleStatsPath, navigate } from "../../lib/router";
import { formatWeek } from "../../stats/format";
import { useMe } from "../me";
import { useWeeklyStats } from "./use-weekly-stats";
import { Week } from "./week";

function WeekPicker({ weeks, week }: { weeks: string[]; week: string }) {
  const { t, lang } = useT();
  const options = weeks.includes(week) ? weeks : [week, ...weeks];
  return (
    <div class="field">
      <label class="field-label" for="stats-week">
        {t.stats.week}
      </label>
      <select
        id="stats-week"
        value={week}
        onChange={(e) => navigate(consoleStatsPath(e.currentTarget.value), true)}
      >
        {options.map((w) => (
          <option key={w} value={w}>
            {formatWeek(w, lang, "medium")}
            {w === weeks[0] ? ` (${t.stats.latest})` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The leadership statistics at `/konsol/statistik[/{week}]`: one week's unsuppressed figures, down to desa
 * level, for the pimpinan and SPKT roles. Internal: the public page is the one that hides small numbers.
 */
export function StatsPage({ week }: { week: string | undefined }) {
  const { t } = useT();
  const s = t.stats;
  const allowed = canReadFullStats(useMe().officer);
  const { weeks, list, selected, state, retry } = useWeeklyStats(week, allowed);

  useEffect(() => {
    document.title = `${allowed ? s.title : s.forbidden} · ${t.appName}`;
  }, [t, allowed]);

  if (state.kind === "forbidden")
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {s.forbidden}
        </h1>
        <p data-testid="forbidden">{s.forbiddenHint}</p>
      </section>
    );

  const failed = weeks.kind === "failed" || state.kind === "failed";
  const loading =
    !failed && (weeks.kind === "loading" || (selected !== undefined && state.kind === "loading"));
  return (
    <section aria-labelledby="page-title" class="stats">
      <h1 id="page-title" tabIndex={-1}>
        {s.title}
      </h1>
      <p class="notice" data-testid="internal-note">
        <strong>{s.internalTitle}</strong> {s.internal}
      </p>
      {list && selected && <WeekPicker weeks={list} week={selected} />}
      <div aria-live="polite">
        {loading && (
          <p class="progress">
            <span class="spinner" aria-hidden="true" />
            {t.loading}
          </p>
        )}
        {list && list.length === 0 && !week && <p class="hint">{s.noWeeks}</p>}
        {state.kind === "not_found" && <p class="hint">{s.notFound}</p>}
        {failed && <p class="alert">{t.failed}</p>}
      </div>
      {failed && (
        <button type="button" class="button" onClick={retry}>
          {t.retry}
        </button>
      )}
      {state.kind === "ok" && <Week stats={state.stats} />}
    </section>
  );
}
