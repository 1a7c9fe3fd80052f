import { CATEGORIES, previousWeek } from "@lapora/core/browser";
import { useEffect, useMemo, useState } from "preact/hooks";
import { loadWeek, type PublicWeeklyStats } from "./data";
import { cellSize, formatWeek } from "./format";
import { useStatsStrings } from "./strings";
import { ColumnChart, Multiples, type Series, TrendTable, WeeksTable } from "./trend-charts";

const WEEKS = 12;

/** The 12 weeks that end with `week`, oldest first. */
function trendWindow(week: string): string[] {
  const out = [week];
  while (out.length < WEEKS) out.unshift(previousWeek(out[0] as string));
  return out;
}

type Dimension = "category" | "kecamatan";

/** The last 12 weeks up to the chosen one: weekly totals, then small multiples by category or kecamatan. */
export function Trend({ week, published }: { week: string; published: readonly string[] }) {
  const { s, t, lang } = useStatsStrings();
  const weeks = useMemo(() => trendWindow(week), [week]);
  const [loaded, setLoaded] = useState<{ week: string; data: Map<string, PublicWeeklyStats> }>();
  const data = loaded && loaded.week === week ? loaded.data : undefined;
  const [by, setBy] = useState<Dimension>("category");

  useEffect(() => {
    let live = true;
    const wanted = weeks.filter((w) => published.includes(w));
    Promise.all(wanted.map(loadWeek)).then((results) => {
      if (!live) return;
      const map = new Map<string, PublicWeeklyStats>();
      for (const r of results) if (r.kind === "ok") map.set(r.stats.week, r.stats);
      setLoaded({ week, data: map });
    });
    return () => {
      live = false;
    };
  }, [week, weeks, published]);

  const total: Series = {
    key: "total",
    label: s.trend.total,
    values: weeks.map((w) => data?.get(w)?.total ?? null),
  };
  const all: Series[] = useMemo(() => {
    if (!data) return [];
    if (by === "category") {
      return CATEGORIES.map((c) => ({
        key: c,
        label: t.categories[c],
        values: weeks.map((w) => data.get(w)?.byCategory[c] ?? null),
      }));
    }
    const names = new Map<string, string>();
    for (const w of weeks) for (const k of data.get(w)?.byKecamatan ?? []) names.set(k.code, k.name);
    return [...names].map(([code, name]) => ({
      key: code,
      label: name,
      values: weeks.map((w) => data.get(w)?.byKecamatan.find((k) => k.code === code)?.count ?? null),
    }));
  }, [data, by, weeks, t]);
  const active = (l: Series) => l.values.some((v) => v !== null && cellSize(v) > 0);
  const shown = all.filter(active);
  const quiet = all.filter((l) => !active(l));
  const max = Math.max(1, ...shown.flatMap((l) => l.values.map((v) => (v === null ? 0 : cellSize(v)))));
  const span = s.trend.span(formatWeek(weeks[0] as string, lang, "medium"), formatWeek(week, lang, "medium"));
  const dimension = by === "category" ? s.trend.category : s.trend.kecamatan;

  return (
    <section aria-labelledby="trend-title" class="trend">
      <h2 id="trend-title">{s.trend.title}</h2>
      <p class="hint">{span}</p>
      {!data ? (
        <p class="progress" aria-live="polite">
          <span class="spinner" aria-hidden="true" />
          {s.trend.loading}
        </p>
      ) : (
        <>
          <h3>{s.trend.total}</h3>
          <ColumnChart series={total} weeks={weeks} />
          <p class="axis" aria-hidden="true">
            <span>{formatWeek(weeks[0] as string, lang, "short")}</span>
            <span>{formatWeek(week, lang, "short")}</span>
          </p>
          <p class="hint">{s.trend.missingKey}</p>
          <WeeksTable series={total} weeks={weeks} />
          <fieldset class="field trend-by">
            <legend class="field-label">{s.trend.by}</legend>
            <div class="yes-no">
              {(["category", "kecamatan"] as const).map((d) => (
                <label class="pill" key={d}>
                  <input type="radio" name="trend-by" checked={by === d} onChange={() => setBy(d)} />
                  {d === "category" ? s.trend.category : s.trend.kecamatan}
                </label>
              ))}
            </div>
          </fieldset>
          <p class="hint">{s.trend.scale(String(max))}</p>
          <Multiples series={shown} weeks={weeks} max={max} />
          {quiet.length > 0 && <p class="hint">{s.trend.quiet(quiet.map((l) => l.label).join(", "))}</p>}
          <TrendTable
            id="trend-by"
            title={`${dimension}. ${span}`}
            head={dimension}
            series={shown}
            weeks={weeks}
          />
        </>
      )}
    </section>
  );
}
