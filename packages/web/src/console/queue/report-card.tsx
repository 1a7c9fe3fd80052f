import { findDesa } from "@lapora/core/browser";
import { useT } from "../../i18n/console-lang";
import { consoleReportPath, linkClick } from "../../lib/router";
import { formatWib } from "../../lib/time";
import type { ReportSummary } from "../lib/types";
import { useMe } from "../me";

/** A status or priority as a small coloured label; the colour only repeats what the text says. */
export function Badge({
  kind,
  value,
  text,
  testId,
}: {
  kind: "status" | "priority";
  value: string;
  text: string;
  testId?: string;
}) {
  return (
    <span class={`badge ${kind}-${value}`} data-testid={testId}>
      {text}
    </span>
  );
}

/** One queue row. The whole card opens the report; the link's name is the code and category. */
export function ReportCard({ report }: { report: ReportSummary }) {
  const { t, lang } = useT();
  const { officer } = useMe();
  const place = findDesa(report.desa);
  return (
    <li class="card" data-testid="queue-item" data-code={report.trackingCode}>
      <div class="card-badges">
        <Badge kind="priority" value={report.priority} text={t.priorities[report.priority]} />
        <Badge kind="status" value={report.status} text={t.statuses[report.status]} />
      </div>
      <h2 class="card-title">
        <a href={consoleReportPath(report.reportId)} onClick={linkClick} class="card-link">
          <span class="code">{report.trackingCode}</span>
          <span class="card-category">{t.categories[report.category]}</span>
        </a>
      </h2>
      <p class="card-meta">
        {place ? t.detail.placeValue(place.desa.name, place.kecamatan.name) : report.desa}
        <br />
        <time dateTime={report.createdAt}>{formatWib(report.createdAt, lang, "short")}</time>
      </p>
      <p class="excerpt">{report.excerpt}</p>
      {report.assignee && (
        <p class="card-assignee">
          {report.assignee === officer.nrp ? t.queue.assignedToYou : t.queue.assignedTo(report.assignee)}
        </p>
      )}
    </li>
  );
}
