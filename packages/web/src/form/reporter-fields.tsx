import { useLang } from "../i18n/lang";
import { linkClick, PRIVACY_PATH } from "../lib/router";
import { Required } from "./category-field";
import { describedBy, FieldError } from "./field-error";
import { fieldDomId } from "./field-ids";
import type { FieldProps } from "./field-props";

/** Anonymous by default; or a name and an Indonesian phone number so officers can call back. */
export function ReporterFields({ state, set, errorOf, touch }: FieldProps) {
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
            value="yes"
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
            value="no"
            checked={!state.anonymous}
            aria-describedby="named-hint"
            onChange={() => set({ anonymous: false })}
          />
          <span class="choice-text">
            <span class="choice-label">{r.named}</span>
            <span class="choice-hint" id="named-hint">
              {r.namedHint}{" "}
              <a href={PRIVACY_PATH} onClick={linkClick}>
                {r.privacyLink}
              </a>
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
          <ContactPreferences state={state} set={set} errorOf={errorOf} touch={touch} />
        </div>
      )}
    </fieldset>
  );
}

/**
 * How she may be contacted (core reporter/contact.ts): officers who see her phone see these first. "No
 * SMS" also turns the SMS updates off; call hours only with calls.
 */
function ContactPreferences({ state, set, errorOf }: FieldProps) {
  const { t } = useLang();
  const p = t.form.reporter.prefs;
  const r = t.form.reporter;
  const id = (f: Parameters<typeof fieldDomId>[0]) => fieldDomId(f);
  const fromError = errorOf("reporter.preferences.callFrom");
  const toError = errorOf("reporter.preferences.callTo");
  const safeError = errorOf("reporter.preferences.safePhone");
  return (
    <fieldset class="prefs">
      <legend class="field-label">{p.legend}</legend>
      <p class="hint" id="prefs-hint">
        {p.sharedPhone}
      </p>
      <label>
        <input
          type="checkbox"
          checked={state.smsAllowed}
          onChange={(e) =>
            set({
              smsAllowed: e.currentTarget.checked,
              ...(e.currentTarget.checked ? {} : { smsUpdates: false }),
            })
          }
        />{" "}
        {p.sms}
      </label>
      {state.smsAllowed && (
        <div class="indent">
          <label id={id("reporter.smsUpdates")}>
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
      <label>
        <input
          type="checkbox"
          checked={state.callsAllowed}
          onChange={(e) => set({ callsAllowed: e.currentTarget.checked })}
        />{" "}
        {p.calls}
      </label>
      {state.callsAllowed && (
        <fieldset class="indent call-hours">
          <legend>{p.hours}</legend>
          <FieldError field="reporter.preferences.callFrom" message={fromError} />
          <FieldError field="reporter.preferences.callTo" message={toError} />
          <label for={id("reporter.preferences.callFrom")}>{p.callFrom}</label>
          <input
            id={id("reporter.preferences.callFrom")}
            type="time"
            value={state.callFrom}
            aria-invalid={!!fromError}
            aria-describedby={describedBy("reporter.preferences.callFrom", !!fromError)}
            onInput={(e) => set({ callFrom: e.currentTarget.value })}
          />
          <label for={id("reporter.preferences.callTo")}>{p.callTo}</label>
          <input
            id={id("reporter.preferences.callTo")}
            type="time"
            value={state.callTo}
            aria-invalid={!!toError}
            aria-describedby={describedBy("reporter.preferences.callTo", !!toError)}
            onInput={(e) => set({ callTo: e.currentTarget.value })}
          />
        </fieldset>
      )}
      <label>
        <input
          type="checkbox"
          checked={state.noHomeVisit}
          onChange={(e) => set({ noHomeVisit: e.currentTarget.checked })}
        />{" "}
        {p.noHomeVisit}
      </label>
      <label class="field-label" for={id("reporter.preferences.safePhone")}>
        {p.safePhone}
      </label>
      <p class="hint" id="safe-phone-hint">
        {p.safePhoneHint}
      </p>
      <FieldError field="reporter.preferences.safePhone" message={safeError} />
      <input
        id={id("reporter.preferences.safePhone")}
        type="tel"
        inputMode="tel"
        autocomplete="off"
        value={state.safePhone}
        aria-invalid={!!safeError}
        aria-describedby={describedBy("reporter.preferences.safePhone", !!safeError, "safe-phone-hint")}
        onInput={(e) => set({ safePhone: e.currentTarget.value })}
      />
    </fieldset>
  );
}
