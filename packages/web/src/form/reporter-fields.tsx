import { useLang } from "../i18n/lang";
import { Required } from "./category-field";
import { describedBy, FieldError } from "./field-error";
import { fieldDomId } from "./field-ids";
import type { FieldProps } from "./field-props";

/** Anonymous by default; or a name and an Indonesian phone number so officers can call back. */
export function ReporterFields({ state, set, errorOf }: FieldProps) {
  const { t } = useLang();
  const r = t.form.reporter;
  const nameError = errorOf("reporter.name");
  const phoneError = errorOf("reporter.phone");
  const nameId = fieldDomId("reporter.name");
  const phoneId = fieldDomId("reporter.phone");
  return (
    <fieldset class="field">
      <legend class="field-label">{r.legend}</legend>
      <div class="stack">
        <label class="choice choice-plain">
          <input
            type="radio"
            name="anonymous"
            checked={state.anonymous}
            aria-describedby="anon-hint"
            onChange={() => set({ anonymous: true })}
          />
          <span class="choice-text">
            <span class="choice-label">{r.anonymous}</span>
            <span class="choice-hint" id="anon-hint">
              {r.anonymousHint}
            </span>
          </span>
        </label>
        <label class="choice choice-plain">
          <input
            type="radio"
            name="anonymous"
            checked={!state.anonymous}
            aria-describedby="named-hint"
            onChange={() => set({ anonymous: false })}
          />
          <span class="choice-text">
            <span class="choice-label">{r.named}</span>
            <span class="choice-hint" id="named-hint">
              {r.namedHint}
            </span>
          </span>
        </label>
      </div>
      {!state.anonymous && (
        <div class="named">
          <label class="field-label" for={nameId}>
            {r.name} <Required />
          </label>
          <FieldError field="reporter.name" message={nameError} />
          <input
            id={nameId}
            type="text"
            autocomplete="name"
            value={state.name}
            aria-invalid={!!nameError}
            aria-describedby={describedBy("reporter.name", !!nameError)}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
          <label class="field-label" for={phoneId}>
            {r.phone} <Required />
          </label>
          <p class="hint" id={`${phoneId}-hint`}>
            {r.phoneHint}
          </p>
          <FieldError field="reporter.phone" message={phoneError} />
          <input
            id={phoneId}
            type="tel"
            inputMode="tel"
            autocomplete="tel"
            value={state.phone}
            aria-invalid={!!phoneError}
            aria-describedby={describedBy("reporter.phone", !!phoneError, `${phoneId}-hint`)}
            onInput={(e) => set({ phone: e.currentTarget.value })}
          />
          <label>
            <input
              type="checkbox"
              checked={state.smsUpdates}
              onChange={(e) => set({ smsUpdates: e.currentTarget.checked })}
            />{" "}
            {r.smsUpdates}
          </label>
          <p class="hint">{r.smsUpdatesHint}</p>
        </div>
      )}
    </fieldset>
  );
}
