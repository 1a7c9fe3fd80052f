import { isSensitive } from "@lapora/core/browser";
import { useEffect, useRef } from "preact/hooks";
import { useLang } from "../i18n/lang";
import { useOutbox } from "../lib/use-outbox";
import { OutboxPanel } from "./outbox-panel";
import { PhotoUploads } from "./photo-uploads";
import { Queued } from "./queued";
import { ReportForm } from "./report-form";
import { Success } from "./success";
import { usePhotos } from "./use-photos";
import { useReportForm } from "./use-report-form";

/** The "Buat Laporan" page: the form until it is sent, then the receipt. */
export function ReportPage() {
  const { t, lang } = useLang();
  const photos = usePhotos();
  const honeypot = useRef<HTMLInputElement>(null);
  const form = useReportForm(
    lang,
    photos.types,
    () => honeypot.current?.value ?? "",
    photos.blobs,
    (c) => t.categories[c as keyof typeof t.categories] ?? c,
  );
  const outbox = useOutbox();
  // A report just saved for later shows in the list at once.
  useEffect(() => {
    if (form.queued) void outbox.refresh();
  }, [form.queued]);
  const done = form.done;
  // The tab's title says nothing of a sensitive report (KDRT, sexual violence): a shared phone shows
  // open tabs and history by title. The Shell sets every other page's title.
  const sensitive = done ? done.sensitive : form.state.category !== "" && isSensitive(form.state.category);
  useEffect(() => {
    document.title = sensitive ? t.form.neutralTitle : `${t.form.title} · Lapora · ${t.agency}`;
  }, [sensitive, t]);
  // Photos go up once the report is stored, with the forms its receipt carries.
  useEffect(() => {
    if (done?.receipt.uploads) void photos.upload(done.receipt.id, done.receipt.uploads);
  }, [done]);
  if (form.queued) {
    const another = () => {
      photos.clear();
      form.reset();
    };
    return <Queued waiting={form.queued.waiting} onAnother={another} />;
  }
  if (done) {
    const another = () => {
      photos.clear();
      form.reset();
    };
    return (
      <Success done={done} onAnother={another}>
        <PhotoUploads photos={photos} />
      </Success>
    );
  }
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
      <OutboxPanel outbox={outbox} />
      <p>{t.form.intro}</p>
      <ReportForm form={form} photos={photos} honeypot={honeypot} />
    </section>
  );
}
