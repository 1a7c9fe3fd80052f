import { useLang } from "../i18n/lang";
import { toWibInput } from "../lib/time";
import { Required } from "./category-field";
import { describedBy, FieldError } from "./field-error";
import { fieldDomId } from "./field-ids";
import type { FieldProps } from "./field-props";

/** When it happened, as a date and time in WIB (the form starts at "now"). */
export function WhenField({ state, set, errorOf }: FieldProps) {
  const { t } = useLang();
  const error = errorOf("occurredAt");
  const id = fieldDomId("occurredAt");
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {t.form.when.label} <Required />
      </label>
      <p class="hint" id={`${id}-hint`}>
        {t.form.when.hint}
      </p>
      <FieldError field="occurredAt" message={error} />
      <input
        id={id}
        type="datetime-local"
        // Prerendered at build time (src/prerender.tsx), the field is left empty and open: the app fills in
        // the time it is opened, not the build's.
        value={import.meta.env.SSR ? "" : state.occurredAt}
        max={import.meta.env.SSR ? undefined : toWibInput(new Date())}
        aria-invalid={!!error}
        aria-describedby={describedBy("occurredAt", !!error, `${id}-hint`)}
        onInput={(e) => set({ occurredAt: e.currentTarget.value })}
      />
    </div>
  );
}
