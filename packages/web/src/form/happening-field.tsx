import { useLang } from "../i18n/lang";
import { toWibInput } from "../lib/time";
import { Required } from "./category-field";
import { describedBy, FieldError } from "./field-error";
import { fieldDomId } from "./field-ids";
import type { FieldProps } from "./field-props";

/** "Is it happening now?" A yes brings up the call-110 notice right below the question. */
export function HappeningField({ state, set, errorOf, touch }: FieldProps) {
  const { t } = useLang();
  const error = errorOf("happeningNow");
  const choose = (value: "yes" | "no") => {
    // If it is happening now, "when" is now; the resident can still change it.
    set(
      value === "yes" ? { happeningNow: value, occurredAt: toWibInput(new Date()) } : { happeningNow: value },
    );
    touch("happeningNow");
  };
  return (
    <fieldset class="field" aria-describedby={describedBy("happeningNow", !!error)}>
      <legend class="field-label">
        {t.form.happening.legend} <Required />
      </legend>
      <FieldError field="happeningNow" message={error} />
      <div class="yes-no">
        <label class="pill">
          <input
            type="radio"
            name="happeningNow"
            value="yes"
            id={fieldDomId("happeningNow")}
            checked={state.happeningNow === "yes"}
            onChange={() => choose("yes")}
          />
          <span>{t.form.happening.yes}</span>
        </label>
        <label class="pill">
          <input
            type="radio"
            name="happeningNow"
            value="no"
            checked={state.happeningNow === "no"}
            onChange={() => choose("no")}
          />
          <span>{t.form.happening.no}</span>
        </label>
      </div>
      {state.happeningNow === "yes" && <EmergencyNotice />}
    </fieldset>
  );
}

/** The prominent "call 110" box. Announced when it appears, since it matters more than the form. */
export function EmergencyNotice() {
  const { t } = useLang();
  return (
    <div class="emergency" role="alert">
      <p class="emergency-title">{t.emergency.title}</p>
      <p>{t.emergency.body}</p>
      <a class="button button-call" href="tel:110">
        <span aria-hidden="true">📞 </span>
        {t.emergency.call}
      </a>
    </div>
  );
}
