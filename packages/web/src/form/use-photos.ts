import { type ContentType, MAX_PHOTOS } from "@lapora/core/browser";
import { useRef, useState } from "preact/hooks";
import { type PreparedPhoto, preparePhoto } from "./photo-compress";
import { isStale, renewForm, sendPhoto, type UploadForm, type UploadGrant } from "./photo-upload";

export type PhotoStatus = "preparing" | "ready" | "unsupported" | "waiting" | "uploading" | "sent" | "failed";

export interface Photo {
  id: number;
  status: PhotoStatus;
  prepared?: PreparedPhoto;
  /** An object URL of the prepared photo, for the thumbnail. */
  preview?: string;
  /** 0..1 while uploading. */
  progress: number;
  form?: UploadForm;
}

/**
 * The photos of one report: prepared (downscaled JPEG) as soon as they are chosen, sent after the report is
 * stored with the forms its receipt carries, one at a time with progress, and retried one by one, with
 * a fresh form when the old one has expired, without sending the report again.
 */
export function usePhotos() {
  const [photos, setPhotos] = useState<Photo[]>([]);
  const list = useRef<Photo[]>([]);
  const pending = useRef(new Set<Promise<void>>());
  const access = useRef<{ reportId: string; token: string } | null>(null);
  const nextId = useRef(1);

  const update = (fn: (all: Photo[]) => Photo[]) => {
    list.current = fn(list.current);
    setPhotos(list.current);
  };
  const patch = (id: number, p: Partial<Photo>) =>
    update((all) => all.map((x) => (x.id === id ? { ...x, ...p } : x)));

  const add = (files: Iterable<File>) => {
    for (const file of files) {
      if (list.current.length >= MAX_PHOTOS) break;
      const id = nextId.current++;
      update((all) => [...all, { id, status: "preparing", progress: 0 }]);
      const job = preparePhoto(file).then(
        (prepared) => patch(id, { status: "ready", prepared, preview: URL.createObjectURL(prepared.blob) }),
        () => patch(id, { status: "unsupported" }),
      );
      pending.current.add(job);
      void job.finally(() => pending.current.delete(job));
    }
  };

  const remove = (id: number) => {
    const photo = list.current.find((p) => p.id === id);
    if (photo?.preview) URL.revokeObjectURL(photo.preview);
    update((all) => all.filter((p) => p.id !== id));
  };

  /** The types of the photos to send, in order (slot 1 first), once every chosen photo is prepared. */
  const types = async (): Promise<ContentType[]> => {
    while (pending.current.size > 0) await Promise.allSettled([...pending.current]);
    return list.current.flatMap((p) => (p.status === "ready" && p.prepared ? [p.prepared.type] : []));
  };

  /** The prepared photos themselves, in the same order, for the outbox when there is no signal. */
  const blobs = async (): Promise<{ type: ContentType; blob: Blob }[]> => {
    await types();
    return list.current.flatMap((p) =>
      p.status === "ready" && p.prepared ? [{ type: p.prepared.type, blob: p.prepared.blob }] : [],
    );
  };

  const send = async (id: number) => {
    const photo = list.current.find((p) => p.id === id);
    const slot = photo?.form?.slot;
    if (!photo?.prepared || !slot) return;
    let form = photo.form as UploadForm;
    patch(id, { status: "uploading", progress: 0 });
    if (isStale(form) && access.current) {
      form =
        (await renewForm(access.current.reportId, access.current.token, slot, photo.prepared.type)) ?? form;
    }
    let result = await sendPhoto(form, photo.prepared.blob, (progress) => patch(id, { progress }));
    if (result === "expired" && access.current) {
      const fresh = await renewForm(access.current.reportId, access.current.token, slot, photo.prepared.type);
      if (fresh) {
        form = fresh;
        result = await sendPhoto(form, photo.prepared.blob, (progress) => patch(id, { progress }));
      }
    }
    patch(id, { form, status: result === "sent" ? "sent" : "failed", progress: result === "sent" ? 1 : 0 });
  };

  /** Sends every prepared photo with the receipt's forms: photo n goes to slot n. */
  const upload = async (reportId: string, grant: UploadGrant) => {
    access.current = { reportId, token: grant.token };
    const ready = list.current.filter((p) => p.status === "ready");
    update((all) =>
      all.map((p) => {
        const slot = ready.findIndex((r) => r.id === p.id) + 1;
        if (slot === 0) return p;
        const form = grant.forms.find((f) => f.slot === slot);
        // No form for a slot on a replayed submission: that photo already arrived.
        return form ? { ...p, form, status: "waiting" } : { ...p, status: "sent", progress: 1 };
      }),
    );
    for (const p of list.current) if (p.status === "waiting") await send(p.id);
  };

  const clear = () => {
    for (const p of list.current) if (p.preview) URL.revokeObjectURL(p.preview);
    access.current = null;
    update(() => []);
  };

  return { photos, add, remove, types, blobs, upload, retry: send, clear };
}

export type Photos = ReturnType<typeof usePhotos>;
