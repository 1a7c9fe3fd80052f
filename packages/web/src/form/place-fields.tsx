import { findKecamatan, listKecamatan } from "@lapora/core/browser";
import { useLang } from "../i18n/lang";
import { Required } from "./category-field";
import { DesaCombobox } from "./desa-combobox";
import { describedBy, FieldError } from "./field-error";
import { fieldDomId } from "./field-ids";
import type { FieldProps } from "./field-props";

/** Kecamatan (a plain select: 15 choices) and then the desa, searchable, scoped to that kecamatan. */
export function PlaceFields({ state, set, errorOf, touch }: FieldProps) {
  const { t } = useLang();
  const kecError = errorOf("kecamatan");
  const desaError = errorOf("desa");
  const desaOptions = findKecamatan(state.kecamatan)?.desa ?? [];
  const desaId = fieldDomId("desa");
  return (
    <>
      <div class="field">
        <label class="field-label" for={fieldDomId("kecamatan")}>
          {t.form.place.kecamatan} <Required />
        </label>
        <FieldError field="kecamatan" message={kecError} />
        <select
          id={fieldDomId("kecamatan")}
          value={state.kecamatan}
          aria-invalid={!!kecError}
          aria-describedby={describedBy("kecamatan", !!kecError)}
          onChange={(e) => {
            const kecamatan = e.currentTarget.value;
            if (kecamatan !== state.kecamatan) set({ kecamatan, desa: "", desaText: "" });
            touch("kecamatan");
          }}
        >
          <option value="">{t.form.place.choose}</option>
          {listKecamatan().map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label class="field-label" for={desaId}>
          {t.form.place.desa} <Required />
        </label>
        <p class="hint" id={`${desaId}-hint`}>
          {state.kecamatan ? t.form.place.desaHint : t.form.place.desaFirst}
        </p>
        <FieldError field="desa" message={desaError} />
        <DesaCombobox
          id={desaId}
          options={desaOptions}
          value={state.desa}
          text={state.desaText}
          disabled={!state.kecamatan}
          invalid={!!desaError}
          describedBy={describedBy("desa", !!desaError, `${desaId}-hint`)}
          onText={(desaText, desa) => set({ desaText, desa })}
        />
      </div>
    </>
  );
}
