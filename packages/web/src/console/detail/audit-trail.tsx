import { PRIORITIES, STATUSES } from "@lapora/core/browser";
import { useT } from "../../i18n/console-lang";
import { formatWib } from "../../lib/time";
import { officerLabel } from "../lib/names";
import type { AuditEntry, Report } from "../lib/types";
import { useMe } from "../me";
import type { AuditState } from "./use-report";

function useChange(e: AuditEntry): string | undefined {
  const { t } = useT();
  const name = (v: string | undefined): string => {
    if (v === undefined) return t.none;
    if (e.action === "assign") return officerLabel(v, t.auditNrp);
    const status = STATUSES.find((s) => s === v);
    if (status) return t.statuses[status];
    const priority = PRIORITIES.find((p) => p === v);
    return priority ? t.priorities[priority] : v;
  };
  // A thread message's entry names the message, not a change: the text is in the thread alone.
  if (e.action === "reporter_question" || e.action === "reporter_reply") return undefined;
  // The reporter's say: "sudah" or "belum", and the stars, as recorded.
  if (e.action === "reporter_feedback") return e.to;
  if (e.from === undefined && e.to !== undefined) return t.auditTo(name(e.to));
  return e.from !== undefined || e.to !== undefined ? `${name(e.from)} → ${name(e.to)}` : undefined;
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const { t, lang } = useT();
  const { officer } = useMe();
  const change = useChange(entry);
  const who =
    entry.actorRole === "reporter"
      ? t.thread.reporter
      : entry.actorNrp === officer.nrp
        ? t.you
        : officerLabel(entry.actorNrp, t.auditNrp);
  const role =
    entry.actorRole === "system"
      ? "system"
      : entry.actorRole === "reporter"
        ? t.thread.viaSecret
        : t.roles[entry.actorRole];
  return (
    <li class={`audit-${entry.action}`}>
      <time dateTime={entry.at}>{formatWib(entry.at, lang, "short")}</time>
      <p>
        <strong>{t.auditActions[entry.action] ?? entry.action}</strong> {t.auditBy(who, role)}
      </p>
      {change && <p>{change}</p>}
      {entry.note && <p class="note">{entry.note}</p>}
    </li>
  );
}

/** Everything done to the report, newest first: who, when, from what to what, and any note. */
export function AuditTrail({ audit }: { audit: AuditState }) {
  const { t } = useT();
  return (
    <section class="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t.detail.audit}</h2>
      {audit.kind === "loading" && <p class="progress">{t.loading}</p>}
      {audit.kind === "failed" && <p class="alert">{t.detail.auditFailed}</p>}
      {audit.kind === "ok" && audit.items.length === 0 && <p>{t.detail.auditEmpty}</p>}
      {audit.kind === "ok" && audit.items.length > 0 && (
        <ol class="timeline" data-testid="audit">
          {[...audit.items].reverse().map((e) => (
            <AuditItem key={e.auditId} entry={e} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** The public history, exactly what the reporter's tracking page shows. */
export function PublicTimeline({ report }: { report: Report }) {
  const { t, lang } = useT();
  return (
    <section class="panel" aria-labelledby="public-title">
      <h2 id="public-title">{t.detail.publicTimeline}</h2>
      <p class="hint">{t.detail.publicTimelineHint}</p>
      <ol class="timeline">
        {[...report.timeline].reverse().map((e, i) => (
          <li key={`${e.at}-${e.status}-${i}`}>
            <time dateTime={e.at}>{formatWib(e.at, lang, "short")}</time>
            <p>
              <strong>{t.statuses[e.status]}</strong>
            </p>
            {e.note && <p class="note">{e.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
