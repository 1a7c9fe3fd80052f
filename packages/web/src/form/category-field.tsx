import { CATEGORIES } from "@lapora/core/browser";
import { useLang } from "../i18n/lang";
import { CATEGORY_ICONS } from "./category-icons";
import { describedBy, FieldError } from "./field-error";
import { fieldDomId } from "./field-ids";
import type { FieldProps } from "./field-props";

/** The kind of incident, as big tappable radio cards with an icon and a plain-language hint. */
export function CategoryField({ state, set, errorOf, touch }: FieldProps) {
  const { t } = useLang();
  const error = errorOf("category");
  return (
    <fieldset class="field" aria-describedby={describedBy("category", !!error)}>
      <legend class="field-label">
        {t.form.category.legend} <Required />
      </legend>
      <FieldError field="category" message={error} />
      <div class="choices">
        {CATEGORIES.map((c, i) => (
          <label class="choice" key={c}>
            <input
              type="radio"
              name="category"
              value={c}
              id={i === 0 ? fieldDomId("category") : undefined}
              checked={state.category === c}
              aria-describedby={`hint-${c}`}
              onChange={() => {
                set({ category: c });
                touch("category");
              }}
            />
            <span class="choice-icon" aria-hidden="true">
              {CATEGORY_ICONS[c]}
            </span>
            <span class="choice-text">
              <span class="choice-label">{t.categories[c]}</span>
              <span class="choice-hint" id={`hint-${c}`}>
                {t.categoryHints[c]}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The "required" mark: a star for the eye, a word for screen readers. */
export function Required() {
  const { t } = useLang();
  return (
    <span class="required">
      <span aria-hidden="true">*</span>
      <span class="visually-hidden">({t.form.required})</span>
    </span>
  );
}
