import { CATEGORIES, STATUSES } from "@lapora/core/browser";
import { useEffect, useState } from "preact/hooks";
import { navigate, siteStatsPath } from "../lib/router";
import { BarChart } from "./bar-chart";
import { loadWeek, loadWeeks, type PublicWeeklyStats, type WeekResult, type WeeksResult } from "./data";
import { formatWeek } from "./format";
import { About, Downloads, SmallNumbers } from "./notes";
import { ReporterSay } from "./say";
import { useStatsStrings } from "./strings";
import { ResponseTimes, WeekSummary } from "./summary";
import { Trend } from "./trend";
import "./stats.css";

function WeekPicker({ weeks, week }: { weeks: string[]; week: string }) {
  const { s, lang } = useStatsStrings();
  const options = weeks.includes(week) ? weeks : [week, ...weeks];
  return (
    <div class="week-picker">
      <label class="field-label" for="stats-week">
        {s.week}
      </label>
      <select id="stats-week" value={week} onChange={(e) => navigate(siteStatsPath(e.currentTarget.value))}>
        {options.map((w) => (
          <option key={w} value={w}>
            {formatWeek(w, lang, "medium")}
            {w === weeks[0] ? ` (${s.latest})` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}

function Week({ stats, weeks }: { stats: PublicWeeklyStats; weeks: string[] }) {
  const { s, t, lang } = useStatsStrings();
  const range = formatWeek(stats.week, lang);
  return (
    <>
      <WeekSummary stats={stats} range={range} />
      <ResponseTimes stats={stats} />
      <ReporterSay stats={stats} />
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{s.charts.title}</h2>
        <SmallNumbers />
        <BarChart
          id="category"
          title={s.charts.category}
          dimension={s.trend.category}
          range={range}
          bars={CATEGORIES.map((c) => ({
            key: c,
            label: t.categories[c],
            value: stats.byCategory[c] ?? 0,
          }))}
        />
        <BarChart
          id="kecamatan"
          title={s.charts.kecamatan}
          dimension={s.trend.kecamatan}
          range={range}
          bars={stats.byKecamatan.map((k) => ({ key: k.code, label: k.name, value: k.count }))}
        />
        <BarChart
          id="status"
          title={s.charts.status}
          dimension={t.track.statusLabel}
          range={range}
          bars={STATUSES.map((st) => ({
            key: st,
            label: t.statuses[st],
            value: stats.byStatus[st] ?? 0,
          }))}
        />
      </section>
      <Trend week={stats.week} published={weeks} />
      <Downloads week={stats.week} />
    </>
  );
}

/** "Statistik": one published week (the newest unless the address names one), charted, with its trend. */
export function StatsPage({ week }: { week?: string | undefined }) {
  const { s, t } = useStatsStrings();
  const [weeks, setWeeks] = useState<WeeksResult | undefined>();
  const [loaded, setLoaded] = useState<{ week: string; result: WeekResult } | undefined>();
  const [attempt, setAttempt] = useState(0);
  const list = weeks?.kind === "ok" ? weeks.weeks : undefined;
  const selected = week ?? list?.[0];
  // Only the chosen week's figures: never the previous choice's while the new one loads.
  const current = loaded && loaded.week === selected ? loaded.result : undefined;

  useEffect(() => {
    let live = true;
    loadWeeks().then((r) => live && setWeeks(r));
    return () => {
      live = false;
    };
  }, [attempt]);
  useEffect(() => {
    if (!selected) return;
    let live = true;
    loadWeek(selected).then((result) => live && setLoaded({ week: selected, result }));
    return () => {
      live = false;
    };
  }, [selected, attempt]);

  const failed = weeks?.kind === "failed" || current?.kind === "failed";
  const loading = !failed && (!weeks || (selected !== undefined && !current));
  return (
    <>
      <p>{s.intro}</p>
      {list && selected && <WeekPicker weeks={list} week={selected} />}
      <div aria-live="polite">
        {loading && (
          <p class="progress">
            <span class="spinner" aria-hidden="true" />
            {s.loadingWeek}
          </p>
        )}
        {failed && (
          <p class="alert">
            {t.stats.failed}{" "}
            <button type="button" class="button-link" onClick={() => setAttempt((n) => n + 1)}>
              {t.retry}
            </button>
          </p>
        )}
        {list && list.length === 0 && !week && <p class="alert">{s.none}</p>}
        {current?.kind === "not_found" && <p class="alert">{s.notPublished}</p>}
      </div>
      {list && current?.kind === "ok" && <Week stats={current.stats} weeks={list} />}
      <About />
    </>
  );
}
