import { isSensitive, messageIn } from "@lapora/core/browser";
import type { Ref } from "preact";
import { useLang } from "../i18n/lang";
import { CategoryField } from "./category-field";
import { DescriptionField } from "./description-field";
import { ErrorSummary } from "./error-summary";
import type { FieldProps } from "./field-props";
import { HappeningField } from "./happening-field";
import { LocationField } from "./location-field";
import { PhotoField } from "./photo-field";
import { PlaceFields } from "./place-fields";
import { Referral } from "./referral";
import { ReporterFields } from "./reporter-fields";
import { SubmitStatus } from "./submit-status";
import type { Photos } from "./use-photos";
import type { useReportForm } from "./use-report-form";
import { WhenField } from "./when-field";

type Form = ReturnType<typeof useReportForm>;

/** The "Buat Laporan" form: fields in the order the issue gives, the summary above, status below. */
export function ReportForm({
  form,
  photos,
  honeypot,
}: {
  form: Form;
  photos: Photos;
  /** The bot trap: a field people never see or reach, which scripts that fill every field fill in. */
  honeypot: Ref<HTMLInputElement>;
}) {
  const { t } = useLang();
  const props: FieldProps = {
    state: form.state,
    set: form.set,
    touch: form.touch,
    errorOf: (field) => {
      const code = form.errors[field];
      return code ? messageIn(t.fieldMessages, code) : undefined;
    },
  };
  const sending = form.progress !== null;
  const sensitive = form.state.category !== "" && isSensitive(form.state.category);
  const clear = () => {
    if (window.confirm(t.form.clearConfirm)) form.reset();
  };
  return (
    <form
      class="report-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <ErrorSummary errors={form.errors} tick={form.summaryTick} />
      <CategoryField {...props} />
      {sensitive && <Referral />}
      <HappeningField {...props} />
      <PlaceFields {...props} />
      <WhenField {...props} />
      <DescriptionField {...props} />
      <LocationField {...props} />
      <PhotoField photos={photos} />
      <ReporterFields {...props} />
      <div class="trap" aria-hidden="true">
        <label>
          {t.form.honeypot}
          <input type="text" name="website" ref={honeypot} tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <SubmitStatus
        progress={form.progress}
        failure={form.failure}
        happeningNow={form.state.happeningNow === "yes"}
      />
      {/* Prerendered (src/prerender.tsx), the button is off until the app has taken over: the browser
          must not send the form by itself (a reload that loses what she typed, and her answers in the
          address bar's history). With it off, Enter in a field does not send either. */}
      <button
        type="submit"
        class="button button-primary button-block"
        aria-disabled={sending}
        disabled={import.meta.env.SSR}
      >
        {sending ? t.form.sending : t.form.submit}
      </button>
      <p class="hint">{sensitive ? t.form.draftNoteSensitive : t.form.draftNote}</p>
      <button type="button" class="button-link" onClick={clear}>
        {t.form.clear}
      </button>
    </form>
  );
}
