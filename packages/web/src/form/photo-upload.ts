import type { ContentType } from "@lapora/core/browser";
import type { AnswerOf } from "@lapora/core/contract";
import { call } from "../lib/api";

/** What `POST /api/reports` gives with the receipt: the upload capability and a form per photo. */
export type UploadGrant = AnswerOf<"submitReport", 201>["uploads"];
export type UploadForm = UploadGrant["forms"][number];

export type SendResult = "sent" | "expired" | "failed";

const UPLOAD_TIMEOUT_MS = 180_000; // 10 MB at the worst on a slow link; a compressed photo takes seconds

/**
 * Posts a photo to S3 with its presigned form: the form's fields, then the file, last, as S3 requires.
 * XMLHttpRequest rather than fetch, for upload progress. S3 answers 403 to an expired form.
 */
export function sendPhoto(
  form: UploadForm,
  blob: Blob,
  onProgress: (fraction: number) => void,
): Promise<SendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.url);
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve("sent");
      else resolve(xhr.status === 403 ? "expired" : "failed");
    };
    xhr.onerror = () => resolve("failed");
    xhr.ontimeout = () => resolve("failed");
    const body = new FormData();
    for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
    body.append("file", blob, `foto-${form.slot}.${blob.type === "image/jpeg" ? "jpg" : "img"}`);
    xhr.send(body);
  });
}

/** A fresh form for a slot whose form expired or failed, with the report's upload capability. */
export async function renewForm(
  reportId: string,
  token: string,
  slot: number,
  contentType: ContentType,
): Promise<UploadForm | undefined> {
  const res = await call<{ forms?: UploadForm[] }>(
    "POST",
    `/api/reports/${encodeURIComponent(reportId)}/evidence`,
    { body: { photos: [{ contentType, slot }] }, auth: { token: () => token } },
  );
  return res.kind === "ok" ? res.data?.forms?.find((f) => f.slot === slot) : undefined;
}

/** True when a form is too close to its expiry to start an upload with. */
export const isStale = (form: UploadForm, now = Date.now()) => Date.parse(form.expiresAt) - now < 30_000;
