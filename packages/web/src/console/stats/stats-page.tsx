import { findKecamatan } from "@lapora/core/region/region";
import { CATEGORIES } from "@lapora/core/report/category";
import { PRIORITIES } from "@lapora/core/report/priority";
import { STATUSES } from "@lapora/core/report/status";
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { formatWib } from "../../lib/time";
import { formatWeek } from "../../stats/format";
import { useT } from "../i18n/lang";
import { call } from "../lib/api";
import { go, statsPath } from "../lib/router";
import { type Durations, STATS_ROLES, type WeeklyStats } from "../lib/types";
import { useMe } from "../me";

type WeeksState = { kind: "loading" } | { kind: "ok"; weeks: string[] } | { kind: "failed" };
type WeekState =
  | { kind: "loading" }
  | { kind: "ok"; stats: WeeklyStats }
  | { kind: "not_found" }
  | { kind: "forbidden" }
  | { kind: "failed" };

function useNumber(): (n: number) => string {
  const { lang } = useT();
  return (n) => n.toLocaleString(lang === "id" ? "id-ID" : "en-GB");
}

/** A titled panel around one plain two-or-more-column table. */
function TablePanel({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={`${id}-title`} data-table={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function CountTable({
  id,
  title,
  column,
  rows,
}: {
  id: string;
  title: string;
  column: string;
  rows: [string, number][];
}) {
  const { t } = useT();
  const num = useNumber();
  return (
    <TablePanel id={id} title={title}>
      <table class="stats-table" aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col" class="num">
              {t.stats.count}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, n]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td class="num">{num(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TablePanel>
  );
}

function Summary({ stats }: { stats: WeeklyStats }) {
  const { t, lang } = useT();
  const s = t.stats;
  const num = useNumber();
  const prev = stats.previous;
  const diff = prev ? stats.total - prev.total : 0;
  const change = !prev
    ? s.noPrevious
    : diff > 0
      ? s.up(num(diff), num(prev.total))
      : diff < 0
        ? s.down(num(-diff), num(prev.total))
        : s.same(num(prev.total));
  return (
    <section class="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">{s.summary}</h2>
      <p class="hint">
        {s.period(formatWeek(stats.week, lang))}
        <br />
        {s.generatedAt(formatWib(stats.generatedAt, lang, "short"))}
      </p>
      <dl class="facts">
        <dt>{s.total}</dt>
        <dd class="stats-total" data-testid="total">
          {num(stats.total)}
        </dd>
        <dt>{s.change}</dt>
        <dd data-testid="change">{change}</dd>
      </dl>
    </section>
  );
}

function CategoryTable({ stats }: { stats: WeeklyStats }) {
  const { t } = useT();
  const s = t.stats;
  const num = useNumber();
  const prev = stats.previous;
  return (
    <TablePanel id="category" title={s.category}>
      <table class="stats-table" aria-labelledby="category-title">
        <thead>
          <tr>
            <th scope="col">{s.categoryCol}</th>
            <th scope="col" class="num">
              {s.thisWeek}
            </th>
            {prev && (
              <th scope="col" class="num">
                {s.lastWeek}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((c) => (
            <tr key={c}>
              <th scope="row">{t.categories[c]}</th>
              <td class="num">{num(stats.byCategory[c] ?? 0)}</td>
              {prev && <td class="num">{num(prev.byCategory[c] ?? 0)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TablePanel>
  );
}

function DesaTable({ stats }: { stats: WeeklyStats }) {
  const { t, lang } = useT();
  const s = t.stats;
  const num = useNumber();
  const kecName = (code: string) => findKecamatan(code)?.name ?? code;
  const rows = stats.byDesa
    .map((d) => ({ ...d, kecamatanName: kecName(d.kecamatan) }))
    .sort(
      (a, b) => a.kecamatanName.localeCompare(b.kecamatanName, lang) || a.name.localeCompare(b.name, lang),
    );
  return (
    <TablePanel id="desa" title={s.desa}>
      {rows.length === 0 ? (
        <p class="hint">{s.desaNone}</p>
      ) : (
        <>
          <p class="hint">{s.desaHint}</p>
          <table class="stats-table" aria-labelledby="desa-title">
            <thead>
              <tr>
                <th scope="col">{s.kecamatanCol}</th>
                <th scope="col">{s.desaCol}</th>
                <th scope="col" class="num">
                  {s.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d, i) => (
                <tr
                  key={d.code}
                  data-desa={d.code}
                  class={rows[i - 1]?.kecamatan === d.kecamatan ? "" : "group-start"}
                >
                  <td>{d.kecamatanName}</td>
                  <th scope="row">{d.name}</th>
                  <td class="num">{num(d.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </TablePanel>
  );
}

function TimesTable({ stats }: { stats: WeeklyStats }) {
  const { t } = useT();
  const s = t.stats;
  const num = useNumber();
  const row = (label: string, d: Durations, key: string) => (
    <tr key={key} data-testid={`times-${key}`}>
      <th scope="row">{label}</th>
      {d.n === 0 || d.medianSeconds === null || d.p90Seconds === null ? (
        <td colSpan={3}>{s.noData}</td>
      ) : (
        <>
          <td>{t.duration(d.medianSeconds)}</td>
          <td>{t.duration(d.p90Seconds)}</td>
          <td class="num">{num(d.n)}</td>
        </>
      )}
    </tr>
  );
  return (
    <TablePanel id="times" title={s.times}>
      <p class="hint">{s.timesHint}</p>
      <table class="stats-table" aria-labelledby="times-title">
        <thead>
          <tr>
            <th scope="col">{s.stage}</th>
            <th scope="col">{s.median}</th>
            <th scope="col">{s.p90}</th>
            <th scope="col" class="num">
              {s.n}
            </th>
          </tr>
        </thead>
        <tbody>
          {row(s.verify, stats.responseTimes.verify, "verify")}
          {row(s.resolve, stats.responseTimes.resolve, "resolve")}
        </tbody>
      </table>
    </TablePanel>
  );
}

function Week({ stats }: { stats: WeeklyStats }) {
  const { t } = useT();
  const s = t.stats;
  const kecamatan = [...stats.byKecamatan].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return (
    <>
      <Summary stats={stats} />
      <TimesTable stats={stats} />
      <CategoryTable stats={stats} />
      <CountTable
        id="priority"
        title={s.priority}
        column={s.priorityCol}
        rows={PRIORITIES.map((p) => [t.priorities[p], stats.byPriority[p] ?? 0])}
      />
      <CountTable
        id="status"
        title={s.status}
        column={s.statusCol}
        rows={STATUSES.map((st) => [t.statuses[st], stats.byStatus[st] ?? 0])}
      />
      <CountTable
        id="kecamatan"
        title={s.kecamatan}
        column={s.kecamatanCol}
        rows={kecamatan.map((k) => [k.name, k.count])}
      />
      <DesaTable stats={stats} />
    </>
  );
}

function WeekPicker({ weeks, week }: { weeks: string[]; week: string }) {
  const { t, lang } = useT();
  const options = weeks.includes(week) ? weeks : [week, ...weeks];
  return (
    <div class="field">
      <label class="field-label" for="stats-week">
        {t.stats.week}
      </label>
      <select id="stats-week" value={week} onChange={(e) => go(statsPath(e.currentTarget.value), true)}>
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
  const { officer } = useMe();
  const allowed = STATS_ROLES.includes(officer.role);
  const [weeks, setWeeks] = useState<WeeksState>({ kind: "loading" });
  const [loaded, setLoaded] = useState<{ week: string; state: WeekState } | undefined>();
  const [attempt, setAttempt] = useState(0);
  const list = weeks.kind === "ok" ? weeks.weeks : undefined;
  const selected = week ?? list?.[0];
  const state: WeekState = !allowed
    ? { kind: "forbidden" }
    : loaded && loaded.week === selected
      ? loaded.state
      : { kind: "loading" };

  useEffect(() => {
    document.title = `${allowed ? s.title : s.forbidden} · ${t.appName}`;
  }, [t, allowed]);

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    setWeeks({ kind: "loading" });
    call<{ weeks: string[] }>("GET", "/api/stats/weeks", undefined, controller.signal).then((res) => {
      if (!controller.signal.aborted)
        setWeeks(res.kind === "ok" ? { kind: "ok", weeks: res.data.weeks } : { kind: "failed" });
    });
    return () => controller.abort();
  }, [allowed, attempt]);

  useEffect(() => {
    if (!allowed || !selected) return;
    const controller = new AbortController();
    setLoaded({ week: selected, state: { kind: "loading" } });
    const path = `/api/officer/stats/weekly/${encodeURIComponent(selected)}`;
    call<WeeklyStats>("GET", path, undefined, controller.signal).then((res) => {
      if (controller.signal.aborted) return;
      const next: WeekState =
        res.kind === "ok"
          ? { kind: "ok", stats: res.data }
          : res.kind === "forbidden"
            ? { kind: "forbidden" }
            : res.kind === "not_found" || res.kind === "invalid"
              ? { kind: "not_found" }
              : { kind: "failed" };
      setLoaded({ week: selected, state: next });
    });
    return () => controller.abort();
  }, [allowed, selected, attempt]);

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
        <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
          {t.retry}
        </button>
      )}
      {state.kind === "ok" && <Week stats={state.stats} />}
    </section>
  );
}
