import { useState } from "preact/hooks";
import { useLang } from "../i18n/lang";
import { FieldError } from "./field-error";
import { fieldDomId } from "./field-ids";
import type { FieldProps } from "./field-props";

type Status = "idle" | "locating" | "denied" | "unavailable";

/** Optional GPS point from the browser, with the privacy note next to the button. */
export function LocationField({ state, set, errorOf, touch }: FieldProps) {
  const { t } = useLang();
  const [status, setStatus] = useState<Status>("idle");
  const error = errorOf("location");
  const id = fieldDomId("location");

  const locate = () => {
    if (!("geolocation" in navigator)) return setStatus("unavailable");
    setStatus("locating");
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        // Five decimals is about a metre: as exact as a phone's GPS is.
        const round = (x: number) => Math.round(x * 1e5) / 1e5;
        set({ location: { lat: round(pos.coords.latitude), lon: round(pos.coords.longitude) } });
        touch("location");
        setStatus("idle");
      },
      (err) => setStatus(err.code === err.PERMISSION_DENIED ? "denied" : "unavailable"),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  return (
    <fieldset class="field" aria-describedby={`${id}-privacy`}>
      <legend class="field-label">{t.form.location.legend}</legend>
      <p class="hint privacy" id={`${id}-privacy`}>
        <span aria-hidden="true">🔒 </span>
        {t.form.location.privacy}
      </p>
      <FieldError field="location" message={error} />
      {state.location ? (
        <div class="location-set">
          <p role="status">
            {t.form.location.set(state.location.lat.toFixed(5), state.location.lon.toFixed(5))}
          </p>
          <button
            type="button"
            id={id}
            class="button button-secondary"
            onClick={() => set({ location: null })}
          >
            {t.form.location.remove}
          </button>
        </div>
      ) : (
        <button
          type="button"
          id={id}
          class="button button-secondary"
          disabled={status === "locating"}
          onClick={locate}
        >
          <span aria-hidden="true">📍 </span>
          {status === "locating" ? t.form.location.locating : t.form.location.use}
        </button>
      )}
      {(status === "denied" || status === "unavailable") && (
        <p class="hint" role="status">
          {status === "denied" ? t.form.location.denied : t.form.location.unavailable}
        </p>
      )}
    </fieldset>
  );
}
