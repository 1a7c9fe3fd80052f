import { cleanText, DESCRIPTION_LENGTH, textLength } from "@lapora/core/browser";
import { useLang } from "../i18n/lang";
import { Required } from "./category-field";
import { describedBy, FieldError } from "./field-error";
import { fieldDomId } from "./field-ids";
import type { FieldProps } from "./field-props";

const MAX = DESCRIPTION_LENGTH.max;

// Counts as core's rule does: the cleaned text, an emoji as one character, not two UTF-16 units.
const count = (s: string) => textLength(cleanText(s));

/** What happened, with a live character count. */
export function DescriptionField({ state, set, errorOf }: FieldProps) {
  const { t } = useLang();
  const error = errorOf("description");
  const id = fieldDomId("description");
  const n = count(state.description);
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {t.form.description.label} <Required />
      </label>
      <p class="hint" id={`${id}-hint`}>
        {t.form.description.hint}
      </p>
      <FieldError field="description" message={error} />
      <textarea
        id={id}
        rows={5}
        value={state.description}
        aria-invalid={!!error}
        aria-describedby={describedBy("description", !!error, `${id}-hint`, `${id}-count`)}
        onInput={(e) => set({ description: e.currentTarget.value })}
      />
      <p id={`${id}-count`} class={n > MAX ? "count over" : "count"}>
        {t.form.description.count(n, MAX)}
      </p>
    </div>
  );
}
