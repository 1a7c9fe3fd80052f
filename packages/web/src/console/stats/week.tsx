import { PRIORITIES, STATUSES } from "@lapora/core/browser";
import { useT } from "../../i18n/console-lang";
import { formatWib } from "../../lib/time";
import { formatWeek } from "../../stats/format";
import type { WeeklyStats } from "../lib/types";
import { CategoryTable, CountTable, DesaTable, TimesTable, useNumber } from "./tables";

/** The week's dates, total and the change from the week before. */
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

/** One week's full figures: the summary, then every table. */
export function Week({ stats }: { stats: WeeklyStats }) {
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
