import { MAX_PHOTOS } from "@lapora/core/browser";
import { useLang } from "../i18n/lang";
import type { Photos } from "./use-photos";

/** Optional photos: chosen from the gallery or the camera, prepared on the phone, shown as thumbnails. */
export function PhotoField({ photos }: { photos: Photos }) {
  const { t } = useLang();
  const full = photos.photos.length >= MAX_PHOTOS;
  return (
    <fieldset class="field" aria-describedby="photos-hint">
      <legend class="field-label">{t.photos.legend}</legend>
      <p class="hint" id="photos-hint">
        {t.photos.hint}
      </p>
      <p class="hint privacy">
        <span aria-hidden="true">🔒 </span>
        {t.photos.privacy}
      </p>
      {photos.photos.length > 0 && (
        <ul class="photo-list">
          {photos.photos.map((p, i) => (
            <li key={p.id} class="photo-item">
              {p.preview ? <img src={p.preview} alt="" class="photo-thumb" /> : <span class="photo-thumb" />}
              <span class="photo-text" role="status">
                {p.status === "preparing"
                  ? t.photos.preparing
                  : p.status === "unsupported"
                    ? t.photos.unsupported
                    : t.photos.ready(i + 1, Math.round((p.prepared?.blob.size ?? 0) / 1024))}
              </span>
              <button type="button" class="button-link" onClick={() => photos.remove(p.id)}>
                {t.photos.remove(i + 1)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p class="hint">{t.photos.full}</p>
      ) : (
        <label class="button button-secondary photo-add">
          <span aria-hidden="true">📷 </span>
          {t.photos.add}
          <input
            type="file"
            accept="image/*"
            multiple
            class="visually-hidden"
            data-testid="photo-input"
            onChange={(e) => {
              const input = e.currentTarget;
              if (input.files) photos.add(Array.from(input.files));
              input.value = "";
            }}
          />
        </label>
      )}
    </fieldset>
  );
}
