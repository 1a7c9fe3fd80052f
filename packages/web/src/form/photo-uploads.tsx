import { useLang } from "../i18n/lang";
import type { Photos } from "./use-photos";

/** After the report is stored: each photo's upload, with its progress, and a retry for one that failed. */
export function PhotoUploads({ photos }: { photos: Photos }) {
  const { t } = useLang();
  const list = photos.photos.filter((p) => p.form || p.status === "sent");
  if (list.length === 0) return null;
  const allSent = list.every((p) => p.status === "sent");
  return (
    <section class="photo-uploads" aria-labelledby="photo-uploads-title">
      <h2 id="photo-uploads-title">{t.photos.uploadsTitle}</h2>
      <ul class="photo-list">
        {list.map((p, i) => {
          const n = i + 1;
          const percent = Math.round(p.progress * 100);
          return (
            <li key={p.id} class="photo-item" data-testid="photo-upload">
              {p.preview ? <img src={p.preview} alt="" class="photo-thumb" /> : <span class="photo-thumb" />}
              <span class="photo-text">
                {p.status === "uploading" ? (
                  <>
                    <progress max={100} value={percent} aria-label={t.photos.sending(n, percent)} />
                    <span>{t.photos.sending(n, percent)}</span>
                  </>
                ) : p.status === "sent" ? (
                  t.photos.sent(n)
                ) : p.status === "failed" ? (
                  t.photos.failed(n)
                ) : (
                  t.photos.waiting(n)
                )}
              </span>
              {p.status === "failed" && (
                <button type="button" class="button button-secondary" onClick={() => void photos.retry(p.id)}>
                  {t.retry}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p role="status" class="hint">
        {allSent ? t.photos.allSent : ""}
      </p>
    </section>
  );
}
