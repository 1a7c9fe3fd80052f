import { useLang } from "../i18n/lang";
import type { PublicReport } from "../lib/api";
import { formatWib } from "../lib/time";
import { StatusSteps } from "./status-steps";

/** One report as the public sees it. Every text is rendered as text: nothing here is ever HTML. */
export function ReportView({ report }: { report: PublicReport }) {
  const { t, lang } = useLang();
  const status = t.statuses[report.status];
  return (
    <article class="report-view" aria-labelledby="report-code">
      <h2 id="report-code" class="tracking-code tracking-code-small">
        {report.trackingCode}
      </h2>
      <p class="status-now">
        {t.track.statusLabel}: <strong data-testid="status">{status.label}</strong>
      </p>
      <StatusSteps status={report.status} timeline={report.timeline} />
      <p class="hint">{status.hint}</p>
      <dl class="facts">
        <dt>{t.track.category}</dt>
        <dd>{t.categories[report.category].label}</dd>
        <dt>{t.track.place}</dt>
        <dd>
          {report.desa.name}, {report.kecamatan.name}
        </dd>
        <dt>{t.track.reportedAt}</dt>
        <dd>{formatWib(report.createdAt, lang)}</dd>
        <dt>{t.track.updatedAt}</dt>
        <dd>{formatWib(report.updatedAt, lang)}</dd>
        <dt>{t.photos.label}</dt>
        <dd data-testid="photos">
          {t.photos.received(typeof report.photos === "number" ? report.photos : 0)}
        </dd>
      </dl>
      <h3>{t.track.description}</h3>
      <p class="description" data-testid="description">
        {report.description}
      </p>
      <h3>{t.track.timeline}</h3>
      <ol class="timeline">
        {[...report.timeline].reverse().map((e) => (
          <li key={`${e.at}-${e.status}`}>
            <time dateTime={e.at}>{formatWib(e.at, lang)}</time>
            <strong>{t.statuses[e.status].label}</strong>
            {e.note && <p class="note">{e.note}</p>}
          </li>
        ))}
      </ol>
      <p class="hint">{t.track.bookmark}</p>
    </article>
  );
}
