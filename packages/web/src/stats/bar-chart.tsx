import type { Cell } from "./data";
import { cellSize, formatCell } from "./format";
import { useStatsStrings } from "./strings";

export interface Bar {
  key: string;
  label: string;
  value: Cell;
}

// Rows are laid out in em, so the chart grows with the reader's font size; bars in %, so it fits any width.
const ROW_EM = 3;
const BAR_MAX_PCT = 80;

/**
 * A horizontal bar chart of one week's counts, largest first: an SVG image with a one-line summary for
 * screen readers, and the same numbers as a table. A hidden count ("<3") is drawn to 2 with a dashed
 * outline, so a bar never claims more than the truth allows. Rows with no reports are named in one line
 * under the chart rather than drawn as empty bars, and close the table.
 */
export function BarChart(props: {
  id: string;
  title: string;
  dimension: string;
  range: string;
  bars: Bar[];
}) {
  const { s, lang } = useStatsStrings();
  const collator = new Intl.Collator(lang);
  const sorted = [...props.bars].sort(
    (a, b) => cellSize(b.value) - cellSize(a.value) || collator.compare(a.label, b.label),
  );
  const bars = sorted.filter((b) => cellSize(b.value) > 0);
  const zeros = sorted.filter((b) => cellSize(b.value) === 0);
  const max = Math.max(1, ...bars.map((b) => cellSize(b.value)));
  const top = bars[0];
  const summary = top ? s.charts.top(top.label, formatCell(top.value, lang)) : s.charts.empty;
  return (
    <section class="chart" aria-labelledby={`${props.id}-title`} data-chart={props.id}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {bars.length > 0 && (
        <svg
          class="bars"
          role="img"
          aria-label={s.charts.label(props.title, props.range, summary)}
          width="100%"
          height={`${bars.length * ROW_EM}em`}
        >
          {bars.map((b, i) => {
            const y = i * ROW_EM;
            const width = (cellSize(b.value) / max) * BAR_MAX_PCT;
            return (
              <g key={b.key}>
                <text class="bar-label" x="0" y={`${y + 1}em`}>
                  {b.label}
                </text>
                <rect
                  class={b.value === "<3" ? "bar bar-hidden" : "bar"}
                  x="0"
                  y={`${y + 1.35}em`}
                  width={`${width}%`}
                  height="0.9em"
                />
                <text class="bar-value" x={`${width}%`} dx="0.4em" y={`${y + 2.15}em`}>
                  {formatCell(b.value, lang)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {zeros.length > 0 && <p class="zeros">{s.charts.zeros(zeros.map((b) => b.label).join(", "))}</p>}
      <details class="table-alt">
        <summary>{s.charts.table}</summary>
        <table>
          <caption>
            {props.title}, {props.range}
          </caption>
          <thead>
            <tr>
              <th scope="col">{props.dimension}</th>
              <th scope="col" class="num">
                {s.charts.reports}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td class="num">{formatCell(b.value, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
