import { MIN_CASES_FOR_TIMES } from "@lapora/core/browser";
import type { ComponentChildren } from "preact";
import { formatWib } from "../lib/time";
import type { PublicDurations, PublicWeeklyStats } from "./data";
import { formatCell, formatDuration } from "./format";
import { useStatsStrings } from "./strings";

/** The week's total, its dates and the change from the week before. */
export function WeekSummary({ stats, range }: { stats: PublicWeeklyStats; range: string }) {
  const { s, lang } = useStatsStrings();
  const change = stats.change;
  let changeText: ComponentChildren = null;
  if (change && change.delta === null) {
    changeText = s.change.hidden(formatCell(change.previousTotal, lang));
  } else if (change && change.delta !== null) {
    const n = formatCell(Math.abs(change.delta), lang);
    const mark = change.delta > 0 ? "▲" : change.delta < 0 ? "▼" : "=";
    const word = change.delta > 0 ? s.change.up(n) : change.delta < 0 ? s.change.down(n) : s.change.same;
    changeText = (
      <>
        <span aria-hidden="true">{mark} </span>
        <strong>{word}</strong> {s.change.vs(formatCell(change.previousTotal, lang))}
      </>
    );
  }
  return (
    <div class="total-card" data-testid="week-summary">
      <p class="total-label">{s.total}</p>
      <p class="total-value" data-testid="total">
        {formatCell(stats.total, lang)}
      </p>
      <p class="total-period">{s.period(range)}</p>
      {changeText && (
        <p class="total-change" data-testid="change">
          {changeText}
        </p>
      )}
      <p class="hint">{s.published(formatWib(stats.generatedAt, lang))}</p>
    </div>
  );
}

function TimeFigure({ title, d, id }: { title: string; d: PublicDurations; id: string }) {
  const { s, lang } = useStatsStrings();
  return (
    <div class="time-card" data-testid={`time-${id}`}>
      <h3>{title}</h3>
      {d.enoughData ? (
        <dl class="time-figures">
          <dt>{s.times.median}</dt>
          <dd>{formatDuration(d.medianSeconds, s.times)}</dd>
          <dt>{s.times.p90}</dt>
          <dd>{s.times.within(formatDuration(d.p90Seconds, s.times))}</dd>
        </dl>
      ) : (
        <p class="not-enough">{s.times.notEnough}</p>
      )}
      <p class="hint">
        {d.enoughData
          ? s.times.cases(formatCell(d.n, lang))
          : d.n === 0
            ? s.times.noneYet
            : s.times.notEnoughWhy(formatCell(d.n, lang), MIN_CASES_FOR_TIMES)}
      </p>
    </div>
  );
}

/** Median and 90th percentile response times, or "not enough data" below five cases: never a bare 0. */
export function ResponseTimes({ stats }: { stats: PublicWeeklyStats }) {
  const { s } = useStatsStrings();
  return (
    <section aria-labelledby="times-title">
      <h2 id="times-title">{s.times.title}</h2>
      <div class="time-cards">
        <TimeFigure id="verify" title={s.times.verify} d={stats.responseTimes.verify} />
        <TimeFigure id="resolve" title={s.times.resolve} d={stats.responseTimes.resolve} />
      </div>
    </section>
  );
}
