import { MIN_CASES_FOR_TIMES } from "@lapora/core/browser";
import type { PublicWeeklyStats } from "./data";
import { formatCell } from "./format";
import { useStatsStrings } from "./strings";

type Said = NonNullable<PublicWeeklyStats["satisfaction"]>["all"];

/** What reporters said of the week's reports, per kecamatan from 5 answers, and the shares within target. */
export function ReporterSay({ stats }: { stats: PublicWeeklyStats }) {
  const { s, lang } = useStatsStrings();
  const y = s.say;
  if (!stats.satisfaction && !stats.withinTarget) return null;
  const cells = (d: Said) =>
    d.enoughData ? (
      <>
        <td>{y.share(d.satisfiedShare)}</td>
        <td>{y.stars(d.medianRating)}</td>
        <td>{formatCell(d.n, lang)}</td>
      </>
    ) : (
      <td colSpan={3}>{y.notEnough(formatCell(d.n, lang), MIN_CASES_FOR_TIMES)}</td>
    );
  const target = stats.withinTarget;
  return (
    <section aria-labelledby="say-title" data-testid="reporter-say">
      <h2 id="say-title">{y.title}</h2>
      <p class="hint">{y.intro}</p>
      {target && (
        <dl class="time-figures">
          {(
            [
              [y.verifyTarget, target.verify],
              [y.resolveTarget, target.resolve],
            ] as const
          ).map(([label, t]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                {t.enoughData
                  ? y.targetOf(y.share(t.share), formatCell(t.n, lang))
                  : y.targetNotEnough(formatCell(t.n, lang), MIN_CASES_FOR_TIMES)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {stats.satisfaction && (
        <table class="say-table">
          <thead>
            <tr>
              <th scope="col">{y.kecamatan}</th>
              <th scope="col">{y.satisfied}</th>
              <th scope="col">{y.rating}</th>
              <th scope="col">{y.answers}</th>
            </tr>
          </thead>
          <tbody>
            {stats.satisfaction.byKecamatan.map((k) => (
              <tr key={k.code} data-code={k.code}>
                <th scope="row">{k.name}</th>
                {cells(k)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
