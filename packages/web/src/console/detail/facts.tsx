import { findDesa, findKecamatan } from "@lapora/core/browser";
import { useT } from "../../i18n/console-lang";
import { formatWib } from "../../lib/time";
import { officerLabel } from "../lib/names";
import type { Report } from "../lib/types";
import { useMe } from "../me";

/** Every field of the report an officer needs, in WIB. */
export function Facts({ report }: { report: Report }) {
  const { t, lang } = useT();
  const { officer } = useMe();
  const d = t.detail;
  const desa = findDesa(report.desa)?.desa.name ?? report.desa;
  const kecamatan = findKecamatan(report.kecamatan)?.name ?? report.kecamatan;
  const assignee = report.assignee
    ? `${officerLabel(report.assignee, t.auditNrp)}${report.assignee === officer.nrp ? ` · ${t.you}` : ""}`
    : d.unassigned;
  const loc = report.location;
  return (
    <section class="panel" aria-labelledby="facts-title">
      <h2 id="facts-title">{d.facts}</h2>
      <dl class="facts">
        <dt>{d.category}</dt>
        <dd>{t.categories[report.category]}</dd>
        <dt>{d.place}</dt>
        <dd>{d.placeValue(desa, kecamatan)}</dd>
        <dt>{d.occurredAt}</dt>
        <dd>
          <time dateTime={report.occurredAt}>{formatWib(report.occurredAt, lang, "short")}</time>
        </dd>
        <dt>{d.happeningNow}</dt>
        <dd>{report.happeningNow ? t.yes : t.no}</dd>
        <dt>{d.reportedAt}</dt>
        <dd>
          <time dateTime={report.createdAt}>{formatWib(report.createdAt, lang, "short")}</time>
        </dd>
        <dt>{d.updatedAt}</dt>
        <dd>
          <time dateTime={report.updatedAt}>{formatWib(report.updatedAt, lang, "short")}</time>
        </dd>
        <dt>{d.assignee}</dt>
        <dd data-testid="assignee">{assignee}</dd>
        {report.duplicateOf && (
          <>
            <dt>{d.duplicateOf}</dt>
            <dd class="code">{report.duplicateOf}</dd>
          </>
        )}
        <dt>{d.location}</dt>
        <dd>
          {loc ? (
            <>
              {`${loc.lat.toFixed(5)}, ${loc.lon.toFixed(5)}`}{" "}
              <a
                href={`https://www.google.com/maps/search/?api=1&query=${loc.lat},${loc.lon}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                {d.openMap}
              </a>
            </>
          ) : (
            d.noLocation
          )}
        </dd>
        {report.secondsToAcknowledge !== undefined && (
          <>
            <dt>{d.acknowledged}</dt>
            <dd>{t.duration(report.secondsToAcknowledge)}</dd>
          </>
        )}
        {report.secondsToResolve !== undefined && (
          <>
            <dt>{d.resolved}</dt>
            <dd>{t.duration(report.secondsToResolve)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
