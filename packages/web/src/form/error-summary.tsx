import { messageIn } from "@lapora/core/browser";
import { useEffect, useRef } from "preact/hooks";
import { useLang } from "../i18n/lang";
import type { SiteTexts } from "../i18n/types";
import { fieldDomId, focusField } from "./field-ids";
import { FIELDS, type FieldErrors, type FieldName } from "./validate";

function labelOf(field: FieldName, t: SiteTexts): string {
  const f = t.form;
  const labels: Record<FieldName, string> = {
    category: f.category.legend,
    happeningNow: f.happening.legend,
    kecamatan: f.place.kecamatan,
    desa: f.place.desa,
    occurredAt: f.when.label,
    description: f.description.label,
    location: f.location.legend,
    "reporter.name": f.reporter.name,
    "reporter.phone": f.reporter.phone,
    "reporter.smsUpdates": f.reporter.smsUpdates,
    "reporter.preferences.callFrom": f.reporter.prefs.callFrom,
    "reporter.preferences.callTo": f.reporter.prefs.callTo,
    "reporter.preferences.safePhone": f.reporter.prefs.safePhone,
    form: f.title,
  };
  return labels[field];
}

/**
 * The list of problems at the top of the form after a submit attempt. It takes focus each time a
 * submit is refused, so a screen reader reads it; each entry jumps to its field.
 */
export function ErrorSummary({ errors, tick }: { errors: FieldErrors; tick: number }) {
  const { t } = useLang();
  const ref = useRef<HTMLElement>(null);
  const fields = FIELDS.filter((f) => errors[f]);
  useEffect(() => {
    if (tick > 0) ref.current?.focus();
  }, [tick]);
  if (tick === 0 || fields.length === 0) return null;
  return (
    <section class="error-summary" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t.form.errorsTitle(fields.length)}</h2>
      <ul>
        {fields.map((field) => {
          const text = `${labelOf(field, t)} – ${messageIn(t.fieldMessages, errors[field] ?? "")}`;
          return (
            <li key={field}>
              {field === "form" ? (
                text
              ) : (
                <a
                  href={`#${fieldDomId(field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(field);
                  }}
                >
                  {text}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
