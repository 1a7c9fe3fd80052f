import { useEffect, useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { call } from "../../lib/api";
import { officerAuth } from "../lib/session";
import type { Assignee } from "../lib/types";

type State = { kind: "loading" } | { kind: "ok"; items: Assignee[] } | { kind: "failed" };

/** The officers who cover this report's area (from the API), as one select. */
export function AssigneeField({
  reportId,
  current,
  value,
  error,
  onLoaded,
  onChange,
}: {
  reportId: string;
  current: string | undefined;
  value: string;
  error: string | undefined;
  onLoaded(items: Assignee[]): void;
  onChange(nrp: string): void;
}) {
  const { t } = useT();
  const a = t.actions;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: "loading" });
    const url = `/api/officer/reports/${encodeURIComponent(reportId)}/assignees`;
    call<{ items: Assignee[] }>("GET", url, { auth: officerAuth, signal: controller.signal }).then((res) => {
      if (controller.signal.aborted) return;
      if (res.kind !== "ok") return setState({ kind: "failed" });
      setState({ kind: "ok", items: res.data.items });
      onLoaded(res.data.items);
    });
    return () => controller.abort();
  }, [reportId, attempt]);

  if (state.kind === "loading") return <p class="progress">{a.assigneesLoading}</p>;
  if (state.kind === "failed")
    return (
      <div class="alert">
        <p>{t.failed}</p>
        <button type="button" class="button button-secondary" onClick={() => setAttempt((n) => n + 1)}>
          {t.retry}
        </button>
      </div>
    );
  if (state.items.length === 0) return <p class="alert">{a.noAssignees}</p>;
  return (
    <div class="field">
      <label class="field-label" for="action-assignee">
        {a.assignee}
      </label>
      {error && (
        <p class="field-error" id="action-assignee-error">
          {error}
        </p>
      )}
      <select
        id="action-assignee"
        value={value}
        aria-invalid={!!error}
        aria-describedby={error ? "action-assignee-error" : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{a.chooseAssignee}</option>
        {state.items.map((o) => (
          <option key={o.nrp} value={o.nrp} disabled={o.nrp === current}>
            {`${o.name} · ${t.roles[o.role]} · ${o.nrp}`}
          </option>
        ))}
      </select>
    </div>
  );
}
