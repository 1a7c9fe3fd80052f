import { CATEGORIES, findKecamatan } from "@lapora/core/browser";
import type { ComponentChildren } from "preact";
import { useT } from "../../i18n/console-lang";
import type { Durations, WeeklyStats } from "../lib/types";

// The leadership statistics' tables: plain, numbers right-aligned, one panel each.

/** Whole numbers with the language's digit grouping. */
export function useNumber(): (n: number) => string {
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

/** One count per row, e.g. per priority or status. */
export function CountTable({
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

/** Per category, this week and the week before. */
export function CategoryTable({ stats }: { stats: WeeklyStats }) {
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

/** Per desa with reports, grouped by kecamatan. */
export function DesaTable({ stats }: { stats: WeeklyStats }) {
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

/** Median and 90th percentile response times, to verified and to resolved. */
export function TimesTable({ stats }: { stats: WeeklyStats }) {
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
