import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useLang } from "../i18n/lang";
import { formatWib } from "../lib/time";
import type { PublicReport } from "./fetch-report";
import { ReporterPanel } from "./reporter-panel";
import { StatusSteps } from "./status-steps";

/** One report as the public sees it. Every text is rendered as text: nothing here is ever HTML. */
export function ReportView({ report: fetched }: { report: PublicReport }) {
  const { t, lang } = useLang();
  // The reporter's own answers (a reopening) change the report: their view carries it, newer.
  const [report, setReport] = useState(fetched);
  useEffect(() => setReport(fetched), [fetched]);
  const { targets } = report;

  return (
    <article class="report-view" aria-labelledby="report-code">
      <h2 id="report-code" class="tracking-code tracking-code-small">
        {report.trackingCode}
      </h2>
      <p class="status-now">
        {t.track.statusLabel}: <strong data-testid="status">{t.statuses[report.status]}</strong>
      </p>
      <StatusSteps status={report.status} timeline={report.timeline} />
      <p class="hint">{t.statusHints[report.status]}</p>
      <dl class="facts">
        <dt>{t.track.category}</dt>
        <dd>{t.categories[report.category]}</dd>
        <dt>{t.track.place}</dt>
        <dd>
          {report.desa.name}, {report.kecamatan.name}
        </dd>
        <dt>{t.track.reportedAt}</dt>
        <dd>{formatWib(report.createdAt, lang)}</dd>
        <dt>{t.track.updatedAt}</dt>
        <dd>{formatWib(report.updatedAt, lang)}</dd>
        {targets &&
          (
            [
              ["verify-by", t.track.verifyBy, targets.verifyBy, targets.verifyMet],
              ["resolve-by", t.track.resolveBy, targets.resolveBy, targets.resolveMet],
            ] as const
          ).map(([id, label, by, met]) => (
            <Fragment key={id}>
              <dt>{label}</dt>
              <dd data-testid={id}>
                {formatWib(by, lang)}
                {met !== undefined && ` (${met ? t.track.met : t.track.missed})`}
              </dd>
            </Fragment>
          ))}
        <dt>{t.track.photos}</dt>
        <dd data-testid="photos">
          {t.track.photosReceived(typeof report.photos === "number" ? report.photos : 0)}
        </dd>
      </dl>
      <h3>{t.track.timeline}</h3>
      <ol class="timeline">
        {[...report.timeline].reverse().map((e) => (
          <li key={`${e.at}-${e.status}`}>
            <time dateTime={e.at}>{formatWib(e.at, lang)}</time>
            <strong>{t.statuses[e.status]}</strong>
            {e.note && <p class="note">{e.note}</p>}
          </li>
        ))}
      </ol>
      <p class="hint">{t.track.bookmark}</p>
      <ReporterPanel code={report.trackingCode} onReport={setReport} />
    </article>
  );
}
