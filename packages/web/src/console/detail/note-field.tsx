import { useT } from "../../i18n/console-lang";

/** A note's text box. A note the reporter will read is boxed and labelled so, every time. */
export function NoteField({
  id,
  label,
  hint,
  value,
  error,
  shownToReporter = false,
  onInput,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  shownToReporter?: boolean;
  onInput(value: string): void;
}) {
  const { t } = useT();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={shownToReporter ? "field note-field public-note" : "field note-field"}>
      <label class="field-label" for={id}>
        {shownToReporter && (
          <span class="eye" aria-hidden="true">
            👁{" "}
          </span>
        )}
        {label}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <textarea
        id={id}
        rows={3}
        value={value}
        aria-invalid={!!error}
        aria-describedby={described || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p class={value.trim().length > 1000 ? "count over" : "count"} aria-hidden="true">
        {value.trim().length}/1000
      </p>
      {error === undefined && value.trim().length > 1000 && <p class="field-error">{t.actions.tooLong}</p>}
    </div>
  );
}
