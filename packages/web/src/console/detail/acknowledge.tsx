import { useEffect, useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { call } from "../../lib/api";
import { navigate } from "../../lib/router";
import { formatWib } from "../../lib/time";
import { officerAuth } from "../lib/session";
import type { Acknowledged, AuditEntry } from "../lib/types";
import { useMe } from "../me";
import type { AuditState } from "./use-report";

/** The query a notification's link carries (core's pushFor): the officer came from the alert. */
const FROM_NOTIFICATION = "dari";

type State = { kind: "idle" | "sending" | "failed" } | { kind: "done"; at: string };

/** The address without `?dari=…`, so a reload or a shared link does not acknowledge again. */
function withoutFrom(): string {
  const params = new URLSearchParams(window.location.search);
  params.delete(FROM_NOTIFICATION);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
}

const mineIn = (audit: AuditState, nrp: string): AuditEntry | undefined =>
  audit.kind === "ok"
    ? audit.items.find((e) => e.action === "acknowledged" && e.actorNrp === nrp)
    : undefined;

/**
 * "Terima": the officer tells the others (and the alerting) they have seen the report and are on it,
 * which stops their tinggi follow-up SMS. Opened from a notification (`?dari=notifikasi`), it is recorded
 * at once. Once recorded (now, or earlier as the audit trail shows) it reads "Diterima {time}".
 */
export function Acknowledge({
  reportId,
  audit,
  onAcknowledged,
}: {
  reportId: string;
  audit: AuditState;
  onAcknowledged(): void;
}) {
  const { t, lang } = useT();
  const { officer } = useMe();
  const [state, setState] = useState<State>({ kind: "idle" });
  const auto = useRef(false);

  const acknowledge = async (via: "notifikasi" | "konsol") => {
    setState({ kind: "sending" });
    const path = `/api/officer/reports/${encodeURIComponent(reportId)}/ack`;
    const res = await call<Acknowledged>("POST", path, { auth: officerAuth, body: { via } });
    if (res.kind !== "ok") {
      setState({ kind: "failed" });
      return false;
    }
    setState({ kind: "done", at: res.data.acknowledgement.at });
    onAcknowledged();
    return true;
  };

  useEffect(() => {
    if (auto.current) return;
    auto.current = true;
    if (new URLSearchParams(window.location.search).get(FROM_NOTIFICATION) !== "notifikasi") return;
    void acknowledge("notifikasi").then((ok) => {
      // Kept on failure: a reload then tries again.
      if (ok) navigate(withoutFrom(), true);
    });
  }, []);

  const earlier = mineIn(audit, officer.nrp);
  const at = state.kind === "done" ? state.at : earlier?.at;
  const a = t.ack;
  return (
    <div class="ack" data-testid="ack">
      <button
        type="button"
        class="button"
        disabled={at !== undefined}
        aria-disabled={state.kind === "sending"}
        onClick={() => {
          if (state.kind !== "sending") void acknowledge("konsol");
        }}
      >
        {state.kind === "sending" ? a.sending : a.button}
      </button>
      <div role="status">
        {at ? (
          <p class="done" data-testid="ack-state">
            <time dateTime={at}>{a.done(formatWib(at, lang, "short"))}</time>
          </p>
        ) : state.kind === "failed" ? (
          <p class="alert">{a.failed}</p>
        ) : (
          <p class="hint">{a.hint}</p>
        )}
      </div>
    </div>
  );
}
