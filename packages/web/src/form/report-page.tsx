import { useLang } from "../i18n/lang";
import { ReportForm } from "./report-form";
import { Success } from "./success";
import { useReportForm } from "./use-report-form";

/** The "Buat Laporan" page: the form until it is sent, then the receipt. */
export function ReportPage() {
  const { t, lang } = useLang();
  const form = useReportForm(lang);
  if (form.done) return <Success done={form.done} onAnother={form.reset} />;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t.form.title}
      </h1>
      <p class="emergency-line">
        {t.emergency.title}{" "}
        <a href="tel:110">
          <span aria-hidden="true">📞 </span>
          {t.emergency.call}
        </a>
      </p>
      <p>{t.form.intro}</p>
      <ReportForm form={form} />
    </section>
  );
}
