import type { Cell } from "./data";
import { cellSize, formatCell, formatWeek } from "./format";
import { useStatsStrings } from "./strings";

/** One line of the trend: a value per week, oldest first; null where that week was not published. */
export interface Series {
  key: string;
  label: string;
  values: (Cell | null)[];
}

const slot = (n: number) => 100 / n;

function barClass(v: Cell, last: boolean): string {
  return `bar${v === "<3" ? " bar-hidden" : ""}${last ? " bar-current" : " bar-past"}`;
}

/** Weekly totals as columns, each with its number on top; the newest (the chosen week) darkest. */
export function ColumnChart({ series, weeks }: { series: Series; weeks: string[] }) {
  const { s, lang } = useStatsStrings();
  const max = Math.max(1, ...series.values.map((v) => (v === null ? 0 : cellSize(v))));
  const w = slot(weeks.length);
  const label = s.trend.label(
    series.label,
    series.values.map((v) => (v === null ? "–" : formatCell(v, lang))).join(", "),
  );
  return (
    <svg class="columns" role="img" aria-label={label} width="100%" height="6.5em">
      <line class="baseline" x1="0" x2="100%" y1="5.5em" y2="5.5em" />
      {series.values.map((v, i) => {
        const h = v === null ? 0 : (cellSize(v) / max) * 4;
        const x = i * w;
        return (
          <g key={weeks[i]}>
            {h > 0 && v !== null && (
              <rect
                class={barClass(v, i === weeks.length - 1)}
                x={`${x + w * 0.15}%`}
                width={`${w * 0.7}%`}
                y={`${5.5 - h}em`}
                height={`${h}em`}
              />
            )}
            <text class="column-value" x={`${x + w / 2}%`} y={`${5.5 - h - 0.3}em`} text-anchor="middle">
              {v === null ? "–" : formatCell(v, lang)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Small multiples: one little column chart per series, all on one scale so they compare at a glance. */
export function Multiples({ series, weeks, max }: { series: Series[]; weeks: string[]; max: number }) {
  const { s, lang } = useStatsStrings();
  const w = slot(weeks.length);
  return (
    <ul class="multiples">
      {series.map((line) => {
        const latest = line.values[line.values.length - 1] ?? null;
        const values = line.values.map((v) => (v === null ? "–" : formatCell(v, lang))).join(", ");
        return (
          <li key={line.key} class="multiple">
            <span class="multiple-name">{line.label}</span>
            <svg
              class="mini"
              role="img"
              aria-label={s.trend.label(line.label, values)}
              width="100%"
              height="2.5em"
            >
              <line class="baseline" x1="0" x2="100%" y1="2.5em" y2="2.5em" />
              {line.values.map((v, i) => {
                const x = `${i * w + w * 0.1}%`;
                if (v === null) {
                  return (
                    <rect
                      key={weeks[i]}
                      class="bar-missing"
                      x={x}
                      width={`${w * 0.8}%`}
                      y="2.3em"
                      height="0.2em"
                    />
                  );
                }
                const h = (cellSize(v) / max) * 2.4;
                return h > 0 ? (
                  <rect
                    key={weeks[i]}
                    class={barClass(v, i === weeks.length - 1)}
                    x={x}
                    width={`${w * 0.8}%`}
                    y={`${2.5 - h}em`}
                    height={`${h}em`}
                  />
                ) : null;
              })}
            </svg>
            <span class="multiple-now">
              {s.trend.thisWeek(latest === null ? "–" : formatCell(latest, lang))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Weekly figures of one series as a table: a row per week. */
export function WeeksTable({ series, weeks }: { series: Series; weeks: string[] }) {
  const { s, lang } = useStatsStrings();
  return (
    <details class="table-alt">
      <summary>{s.charts.table}</summary>
      <table>
        <caption>{series.label}</caption>
        <thead>
          <tr>
            <th scope="col">{s.trend.week}</th>
            <th scope="col" class="num">
              {s.charts.reports}
            </th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w, i) => {
            const v = series.values[i] ?? null;
            return (
              <tr key={w}>
                <th scope="row">{formatWeek(w, lang, "medium")}</th>
                <td class="num">{v === null ? s.trend.missing : formatCell(v, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

/**
 * Several series as one table: a row per series, a column per week. Too wide for a phone, so it scrolls
 * sideways inside a labelled region that takes keyboard focus; its title sits outside, always in view.
 */
export function TrendTable(props: {
  id: string;
  title: string;
  head: string;
  series: Series[];
  weeks: string[];
}) {
  const { s, lang } = useStatsStrings();
  return (
    <details class="table-alt">
      <summary>{s.charts.table}</summary>
      <p class="table-title" id={`${props.id}-title`}>
        {props.title}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard */}
      <section class="table-scroll" aria-labelledby={`${props.id}-title`} tabIndex={0}>
        <table aria-labelledby={`${props.id}-title`}>
          <thead>
            <tr>
              <th scope="col">{props.head}</th>
              {props.weeks.map((w) => (
                <th scope="col" class="num" key={w}>
                  {formatWeek(w, lang, "short")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.series.map((line) => (
              <tr key={line.key}>
                <th scope="row">{line.label}</th>
                {line.values.map((v, i) => (
                  <td class="num" key={props.weeks[i]}>
                    {v === null ? s.trend.missing : formatCell(v, lang)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </details>
  );
}
