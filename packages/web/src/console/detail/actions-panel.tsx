import { availableActions, isClosed } from "@lapora/core/browser";
import { useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { learnNames } from "../lib/names";
import type { Report, TriageAction } from "../lib/types";
import { useMe } from "../me";
import { ActionForm, statusAfter } from "./action-form";

const DANGER: readonly TriageAction[] = ["reject", "duplicate"];

/** The buttons this officer may press on this report now, each opening its confirmation step. */
export function ActionsPanel({
  report,
  onChanged,
  onReload,
}: {
  report: Report;
  onChanged(next: Report): void;
  onReload(): void;
}) {
  const { t } = useT();
  const me = useMe();
  const a = t.actions;
  const [open, setOpen] = useState<TriageAction>();
  const [done, setDone] = useState<string>();
  const buttons = useRef(new Map<TriageAction, HTMLButtonElement>());
  const doneRef = useRef<HTMLParagraphElement>(null);
  const actions = availableActions(me.actions, report.status);

  if (me.actions.length === 0)
    return (
      <section class="panel" aria-labelledby="actions-title">
        <h2 id="actions-title">{a.title}</h2>
        <p>{a.readOnly}</p>
      </section>
    );

  const cancel = () => {
    const opener = open;
    setOpen(undefined);
    if (opener) requestAnimationFrame(() => buttons.current.get(opener)?.focus());
  };
  return (
    <section class="panel actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{a.title}</h2>
      <p role="status" class="done" tabIndex={-1} ref={doneRef}>
        {done}
      </p>
      {isClosed(report.status) && <p class="hint">{a.closed}</p>}
      {open ? (
        <ActionForm
          key={open}
          action={open}
          report={report}
          onCancel={cancel}
          onReload={() => {
            setOpen(undefined);
            onReload();
          }}
          onDone={(next, assignees) => {
            learnNames(assignees);
            setDone(a[open].done);
            setOpen(undefined);
            onChanged(next);
            requestAnimationFrame(() => doneRef.current?.focus());
          }}
        />
      ) : (
        <div class="action-buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(action, el);
              }}
              class={
                DANGER.includes(action)
                  ? "button button-secondary button-danger-outline"
                  : statusAfter(action)
                    ? "button"
                    : "button button-secondary"
              }
              onClick={() => {
                setDone(undefined);
                setOpen(action);
              }}
            >
              {a[action].button}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
