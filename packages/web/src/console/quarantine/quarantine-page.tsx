import { findDesa } from "@lapora/core/browser";
import { useEffect, useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { call } from "../../lib/api";
import { consoleReportPath, linkClick } from "../../lib/router";
import { formatWib } from "../../lib/time";
import { officerAuth } from "../lib/session";
import type { HeldList, HeldReport } from "../lib/types";
import { Badge } from "../queue/report-card";

type State =
  | { kind: "loading" }
  | { kind: "ok"; items: HeldReport[]; cursor: string | null }
  | { kind: "forbidden" }
  | { kind: "failed" };

const listPath = (cursor?: string | null) =>
  `/api/officer/quarantine${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`;

/** One held report: what it is, where, when, why it was held, and the two decisions. */
function HeldCard({
  held,
  busy,
  decide,
}: {
  held: HeldReport;
  busy: boolean;
  decide(held: HeldReport, decision: "release" | "discard"): void;
}) {
  const { t, lang } = useT();
  const place = findDesa(held.desa);
  return (
    <li class="card" data-testid="held-item" data-code={held.trackingCode}>
      <div class="card-badges">
        <Badge kind="priority" value={held.priority} text={t.priorities[held.priority]} />
      </div>
      <h2 class="card-title">
        <a href={consoleReportPath(held.reportId)} onClick={linkClick} class="card-link">
          <span class="code">{held.trackingCode}</span>
          <span class="card-category">{t.categories[held.category]}</span>
        </a>
      </h2>
      <p class="card-meta">
        {place ? t.detail.placeValue(place.desa.name, place.kecamatan.name) : held.desa}
        <br />
        <time dateTime={held.createdAt}>{formatWib(held.createdAt, lang, "short")}</time>
      </p>
      <p>
        {t.quarantine.reason}: <strong>{t.quarantine.reasons[held.reason]}</strong>
      </p>
      <div class="held-actions">
        <button type="button" class="button" aria-disabled={busy} onClick={() => decide(held, "release")}>
          {t.quarantine.release}
        </button>
        <button
          type="button"
          class="button button-secondary"
          aria-disabled={busy}
          onClick={() => decide(held, "discard")}
        >
          {t.quarantine.discard}
        </button>
      </div>
    </li>
  );
}

/**
 * SPKT's quarantine at `/konsol/karantina`: reports held for review, oldest first, each with why it was
 * held. Releasing one sends its alerts then; discarding one keeps it out of every queue. The server checks
 * the role and audits both; the page drops the row it has decided.
 */
export function QuarantinePage() {
  const { t } = useT();
  const [state, setState] = useState<State>({ kind: "loading" });
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState("");

  useEffect(() => {
    document.title = `${t.quarantine.title} · ${t.appName}`;
  }, [t]);
  useEffect(() => {
    const controller = new AbortController();
    call<HeldList>("GET", listPath(), { auth: officerAuth, signal: controller.signal }).then((res) => {
      if (controller.signal.aborted) return;
      if (res.kind === "ok") setState({ kind: "ok", items: res.data.items, cursor: res.data.cursor });
      else setState({ kind: res.kind === "forbidden" ? "forbidden" : "failed" });
    });
    return () => controller.abort();
  }, []);

  const more = async () => {
    if (state.kind !== "ok" || !state.cursor) return;
    const res = await call<HeldList>("GET", listPath(state.cursor), { auth: officerAuth });
    if (res.kind === "ok")
      setState({ kind: "ok", items: [...state.items, ...res.data.items], cursor: res.data.cursor });
  };

  const decide = async (held: HeldReport, decision: "release" | "discard") => {
    if (busy) return;
    if (decision === "discard" && !window.confirm(t.quarantine.discardConfirm)) return;
    setBusy(held.reportId);
    const path = `/api/officer/quarantine/${encodeURIComponent(held.reportId)}/${decision}`;
    const res = await call("POST", path, { auth: officerAuth });
    setBusy(null);
    if (res.kind !== "ok" && res.kind !== "conflict") return setMessage(t.failed);
    const done = decision === "release" ? t.quarantine.released : t.quarantine.discarded;
    setMessage(res.kind === "conflict" ? t.quarantine.gone : done(held.trackingCode));
    setState((s) =>
      s.kind === "ok" ? { ...s, items: s.items.filter((i) => i.reportId !== held.reportId) } : s,
    );
  };

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t.quarantine.title}
      </h1>
      <p>{t.quarantine.lead}</p>
      <p role="status" data-testid="quarantine-status">
        {message}
      </p>
      {state.kind === "loading" && (
        <p class="progress">
          <span class="spinner" aria-hidden="true" />
          {t.loading}
        </p>
      )}
      {state.kind === "forbidden" && <p class="alert">{t.quarantine.forbidden}</p>}
      {state.kind === "failed" && <p class="alert">{t.failed}</p>}
      {state.kind === "ok" && state.items.length === 0 && <p>{t.quarantine.empty}</p>}
      {state.kind === "ok" && state.items.length > 0 && (
        <ul class="cards" aria-label={t.quarantine.title}>
          {state.items.map((held) => (
            <HeldCard
              key={held.reportId}
              held={held}
              busy={busy !== null}
              decide={(h, d) => void decide(h, d)}
            />
          ))}
        </ul>
      )}
      {state.kind === "ok" && state.cursor && (
        <button type="button" class="button button-secondary" onClick={() => void more()}>
          {t.quarantine.more}
        </button>
      )}
    </section>
  );
}
