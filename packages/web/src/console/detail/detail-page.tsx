import { useEffect } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { CONSOLE_HOME, linkClick } from "../../lib/router";
import { queueSearch } from "../queue/filters";
import { Badge } from "../queue/report-card";
import { Acknowledge } from "./acknowledge";
import { ActionsPanel } from "./actions-panel";
import { AuditTrail, PublicTimeline } from "./audit-trail";
import { EvidencePanel } from "./evidence";
import { Facts } from "./facts";
import { Reporter } from "./reporter";
import { ThreadPanel } from "./thread";
import { useReport } from "./use-report";

/** One report at `/konsol/laporan/{id}`: facts, what the resident wrote, the reporter, actions, history. */
export function DetailPage({ id }: { id: string }) {
  const { t } = useT();
  const d = t.detail;
  const { report: state, audit, reload, reloadAudit, replace } = useReport(id);
  const report = state.kind === "ok" ? state.report : undefined;
  const title = report ? d.title(report.trackingCode) : state.kind === "forbidden" ? d.forbidden : d.notFound;

  useEffect(() => {
    if (state.kind !== "loading") document.title = `${title} · ${t.appName}`;
  }, [title, state.kind, t.appName]);

  const back = (
    <p class="back">
      <a href={`${CONSOLE_HOME}${queueSearch()}`} onClick={linkClick}>
        <span aria-hidden="true">← </span>
        {d.back}
      </a>
    </p>
  );
  // Every state keeps the same article > h1 shape, so the heading that took focus on arrival keeps it.
  if (state.kind === "loading")
    return (
      <article aria-labelledby="page-title" class="detail">
        {back}
        <h1 id="page-title" tabIndex={-1} class="progress">
          <span class="spinner" aria-hidden="true" />
          {t.loading}
        </h1>
      </article>
    );
  if (!report)
    return (
      <article aria-labelledby="page-title" class="detail">
        {back}
        <h1 id="page-title" tabIndex={-1}>
          {state.kind === "failed" ? t.failed : title}
        </h1>
        {state.kind === "forbidden" && <p data-testid="forbidden">{d.forbiddenHint}</p>}
        {state.kind === "failed" && (
          <button type="button" class="button" onClick={reload}>
            {t.retry}
          </button>
        )}
      </article>
    );
  return (
    <article aria-labelledby="page-title" class="detail">
      {back}
      <h1 id="page-title" tabIndex={-1} class="detail-title">
        <span class="eyebrow">{d.report}</span> <span class="code">{report.trackingCode}</span>
      </h1>
      <dl class="detail-badges">
        <div>
          <dt>{d.status}</dt>
          <dd>
            <Badge kind="status" value={report.status} text={t.statuses[report.status]} testId="status" />
          </dd>
        </div>
        <div>
          <dt>{d.priority}</dt>
          <dd>
            <Badge
              kind="priority"
              value={report.priority}
              text={t.priorities[report.priority]}
              testId="priority"
            />
          </dd>
        </div>
      </dl>
      <Acknowledge reportId={report.reportId} audit={audit} onAcknowledged={reloadAudit} />
      <section class="panel" aria-labelledby="description-title">
        <h2 id="description-title">{d.description}</h2>
        <p class="description" data-testid="description">
          {report.description}
        </p>
      </section>
      <ActionsPanel report={report} onChanged={replace} onReload={reload} />
      <EvidencePanel reportId={report.reportId} onAudited={reloadAudit} />
      <Facts report={report} />
      <Reporter reporter={report.reporter} contactErasedAt={report.contactErasedAt} />
      <ThreadPanel report={report} onChanged={reloadAudit} />
      <PublicTimeline report={report} />
      <AuditTrail audit={audit} />
    </article>
  );
}
