import {
  ACTION_STATUS,
  PRIORITIES,
  type Priority,
  parseTrackingCode,
  type Status,
} from "@lapora/core/browser";
import { useEffect, useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { call } from "../../lib/api";
import { officerAuth } from "../lib/session";
import type { Assignee, Report, TriageAction } from "../lib/types";
import { AssigneeField } from "./assignee-field";
import { NoteField } from "./note-field";

interface Draft {
  note: string;
  publicNote: string;
  duplicateOf: string;
  priority: Priority;
  assignee: string;
  public: boolean;
}
type Errors = Partial<Record<"note" | "publicNote" | "duplicateOf" | "assignee" | "form", string>>;
type Outcome = { kind: "conflict" } | { kind: "error"; errors: Errors } | undefined;

/** The status an action leads to (core's lifecycle steps), or undefined for one that keeps it. */
export const statusAfter = (action: TriageAction): Status | undefined =>
  (ACTION_STATUS as Partial<Record<TriageAction, Status>>)[action];

const NOTE_REQUIRED: readonly TriageAction[] = ["resolve", "reject", "note"];
const HAS_NOTE: readonly TriageAction[] = ["resolve", "reject", "duplicate", "setPriority", "note"];
const HAS_PUBLIC_NOTE: readonly TriageAction[] = ["verify", "start", "resolve", "reject"];

/** The request body for one action, from what the officer typed; empty optional notes are left out. */
function commandOf(action: TriageAction, version: number, d: Draft): Record<string, unknown> {
  const opt = (key: string, v: string) => (v.trim() ? { [key]: v.trim() } : {});
  switch (action) {
    case "verify":
    case "start":
      return { action, version, ...opt("publicNote", d.publicNote) };
    case "resolve":
    case "reject":
      return { action, version, note: d.note.trim(), ...opt("publicNote", d.publicNote) };
    case "duplicate":
      return { action, version, duplicateOf: d.duplicateOf.trim(), ...opt("note", d.note) };
    case "setPriority":
      return { action, version, priority: d.priority, ...opt("note", d.note) };
    case "assign":
      return { action, version, assignee: d.assignee };
    case "note":
      return { action, version, note: d.note.trim(), public: d.public };
  }
}

/**
 * The confirmation step of one action: says what will change, asks for what the action needs (a reason,
 * a note the reporter will see, an officer), and only then sends it, with the version it was read at.
 */
export function ActionForm({
  action,
  report,
  onCancel,
  onDone,
  onReload,
}: {
  action: TriageAction;
  report: Report;
  onCancel(): void;
  onDone(next: Report, assignees: Assignee[]): void;
  onReload(): void;
}) {
  const { t } = useT();
  const a = t.actions;
  const [d, setD] = useState<Draft>({
    note: "",
    publicNote: "",
    duplicateOf: "",
    priority: report.priority,
    assignee: "",
    public: false,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const set = (patch: Partial<Draft>) => setD((now) => ({ ...now, ...patch }));
  useEffect(() => heading.current?.focus(), []);

  const validate = (): Errors => {
    const e: Errors = {};
    const long = (v: string) => v.trim().length > 1000;
    if (NOTE_REQUIRED.includes(action) && !d.note.trim()) e.note = a.noteRequired;
    else if (long(d.note)) e.note = a.tooLong;
    if (long(d.publicNote)) e.publicNote = a.tooLong;
    if (action === "duplicate") {
      const code = parseTrackingCode(d.duplicateOf);
      if (!code.ok) e.duplicateOf = a.duplicateOfInvalid;
      else if (code.code === report.trackingCode) e.duplicateOf = a.duplicateOfUnknown;
    }
    if (action === "assign" && !d.assignee) e.assignee = a.assigneeRequired;
    return e;
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    setOutcome(undefined);
    const first = (["assignee", "duplicateOf", "note", "publicNote"] as const).find((k) => found[k]);
    if (first) return document.getElementById(`action-${first}`)?.focus();
    setBusy(true);
    const res = await call<Report>(
      "POST",
      `/api/officer/reports/${encodeURIComponent(report.reportId)}/actions`,
      { body: commandOf(action, report.version, d), auth: officerAuth },
    );
    setBusy(false);
    if (res.kind === "ok") return onDone(res.data, assignees);
    if (res.kind === "conflict") return setOutcome({ kind: "conflict" });
    const server: Errors = {};
    if (res.kind === "invalid") {
      for (const detail of res.details) {
        if (detail.code === "duplicateOf.invalid") server.duplicateOf = a.duplicateOfUnknown;
        else if (detail.code === "assignee.invalid") server.assignee = a.assigneeInvalid;
        else server.form = a.rejected(detail.message);
      }
      if (!res.details.length) server.form = a.rejected(res.message);
    } else if (res.kind === "forbidden") server.form = a.forbidden;
    else if (res.kind !== "unauthorized") server.form = t.failed;
    setOutcome({ kind: "error", errors: server });
  };

  const shown = { ...errors, ...(outcome?.kind === "error" ? outcome.errors : {}) };
  const to = statusAfter(action);
  const label = a[action].button;
  return (
    <form
      class="action-form"
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
      aria-labelledby="action-title"
    >
      <h3 id="action-title" tabIndex={-1} ref={heading}>
        {a.confirmTitle(label)}
      </h3>
      {to && <p>{a.statusChange(t.statuses[report.status], t.statuses[to])}</p>}
      {action === "assign" && (
        <AssigneeField
          reportId={report.reportId}
          current={report.assignee}
          value={d.assignee}
          error={shown.assignee}
          onLoaded={setAssignees}
          onChange={(assignee) => set({ assignee })}
        />
      )}
      {action === "setPriority" && (
        <label class="field">
          <span class="field-label">{a.newPriority}</span>
          <select value={d.priority} onChange={(e) => set({ priority: e.currentTarget.value as Priority })}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t.priorities[p]}
              </option>
            ))}
          </select>
        </label>
      )}
      {action === "duplicate" && (
        <div class="field">
          <label class="field-label" for="action-duplicateOf">
            {a.duplicateOf}
          </label>
          <p class="hint" id="action-duplicateOf-hint">
            {a.duplicateOfHint}
          </p>
          {shown.duplicateOf && (
            <p class="field-error" id="action-duplicateOf-error">
              {shown.duplicateOf}
            </p>
          )}
          <input
            id="action-duplicateOf"
            type="text"
            autocomplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            value={d.duplicateOf}
            aria-invalid={!!shown.duplicateOf}
            aria-describedby={
              shown.duplicateOf
                ? "action-duplicateOf-hint action-duplicateOf-error"
                : "action-duplicateOf-hint"
            }
            onInput={(e) => set({ duplicateOf: e.currentTarget.value })}
          />
        </div>
      )}
      {action === "note" && (
        <fieldset class="field">
          <legend class="field-label">{a.visibility}</legend>
          <label class="check">
            <input
              type="radio"
              name="note-visibility"
              checked={!d.public}
              onChange={() => set({ public: false })}
            />
            {a.visibilityInternal}
          </label>
          <label class="check check-public">
            <input
              type="radio"
              name="note-visibility"
              checked={d.public}
              onChange={() => set({ public: true })}
            />
            {a.visibilityPublic}
          </label>
        </fieldset>
      )}
      {HAS_NOTE.includes(action) && (
        <NoteField
          id="action-note"
          label={
            action === "resolve"
              ? a.resolveNote
              : action === "reject"
                ? a.rejectNote
                : action === "note"
                  ? a.noteText
                  : a.internalNoteOptional
          }
          hint={action === "note" && d.public ? a.publicNoteHint : a.internalNoteHint}
          shownToReporter={action === "note" && d.public}
          value={d.note}
          error={shown.note}
          onInput={(note) => set({ note })}
        />
      )}
      {HAS_PUBLIC_NOTE.includes(action) && (
        <NoteField
          id="action-publicNote"
          label={a.publicNote}
          hint={a.publicNoteHint}
          shownToReporter
          value={d.publicNote}
          error={shown.publicNote}
          onInput={(publicNote) => set({ publicNote })}
        />
      )}
      <div role="alert">
        {shown.form && <p class="alert">{shown.form}</p>}
        {outcome?.kind === "conflict" && (
          <div class="alert">
            <p>{a.conflict}</p>
            <button type="button" class="button button-secondary" onClick={onReload}>
              {a.reload}
            </button>
          </div>
        )}
      </div>
      <div class="form-buttons">
        <button
          type="submit"
          class={action === "reject" || action === "duplicate" ? "button button-danger" : "button"}
          aria-disabled={busy}
        >
          {busy ? a.sending : a[action].confirm}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          {a.cancel}
        </button>
      </div>
    </form>
  );
}
