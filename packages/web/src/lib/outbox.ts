import { type ContentType, DEVICE_HEADER, type Lang } from "@lapora/core/browser";
import { clear, createStore, del, get, set, values } from "idb-keyval";
import { isStale, renewForm, type UploadForm, type UploadGrant } from "../form/photo-upload";
import { call } from "./api";
import { outcomeOf, type Receipt } from "./submit";

/**
 * The outbox: reports made without a connection wait on the phone, in IndexedDB, with their
 * Idempotency-Key, the exact bytes to send and their compressed photos, and go out when there is signal:
 * from the page (on open, on `online`, on "Kirim sekarang") or from the service worker (Background Sync,
 * sw/site-sw.ts). The same key and bytes every time, so the server stores each report once however many
 * tries arrive, from whichever side. Sensitive categories (KDRT, sexual violence) never come here.
 *
 * This module runs in the page and in the service worker: fetch only (no XMLHttpRequest, no storage).
 */

export interface OutboxPhoto {
  type: ContentType;
  blob: Blob;
}

export interface OutboxEntry {
  /** The report's Idempotency-Key: also the entry's key. */
  key: string;
  /** The request body, serialised once: every try is byte-identical. */
  body: string;
  lang: Lang;
  /** The phone's device token at the time (the service worker has no localStorage to read it from). */
  device: string;
  /** What the resident sees in the list: the category's label and when it was saved (ISO). */
  label: string;
  queuedAt: string;
  photos: OutboxPhoto[];
  /** Photos already uploaded, in order (photo n goes to slot n). */
  photosSent: number;
  /** waiting: not yet stored, or photos left; sent: stored, photos uploaded; refused: the server said 400. */
  state: "waiting" | "sent" | "refused";
  /** The receipt, once the server stored it: the code and the secret are shown until she dismisses them. */
  receipt?: { id: string; trackingCode: string; reporterSecret?: string; uploads?: UploadGrant };
  /** Tries so far, and the last one's time. */
  tries: number;
  lastTryAt?: string;
}

/** The Background Sync tag the page registers and the service worker answers. */
export const OUTBOX_SYNC_TAG = "lapora-outbox";
/** The message the service worker posts to its pages when the outbox changed. */
export const OUTBOX_CHANGED = "lapora-outbox-changed";
const DB = "lapora-outbox";

let store: ReturnType<typeof createStore> | undefined;
const db = () => {
  store ??= createStore(DB, "reports");
  return store;
};

/** Every entry, oldest first. */
export async function listOutbox(): Promise<OutboxEntry[]> {
  try {
    const all = (await values(db())) as OutboxEntry[];
    return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  } catch {
    return []; // no IndexedDB (a private window of an old browser): nothing was kept either
  }
}

/** Keeps a report on the phone until it can be sent. */
export async function enqueue(
  entry: Omit<OutboxEntry, "state" | "photosSent" | "tries" | "queuedAt">,
  at = new Date(),
): Promise<void> {
  await set(
    entry.key,
    { ...entry, state: "waiting", photosSent: 0, tries: 0, queuedAt: at.toISOString() },
    db(),
  );
}

/** Removes one entry: a waiting report she no longer wants sent, or a receipt she has noted. */
export async function removeFromOutbox(key: string): Promise<void> {
  await del(key, db());
}

/** Empties the outbox. */
export async function clearOutbox(): Promise<void> {
  try {
    await clear(db());
  } catch {
    // Nothing kept.
  }
}

/** Deletes the whole database at once, for the quick exit: the request outlives the page it came from. */
export function dropOutbox(): void {
  try {
    indexedDB.deleteDatabase(DB);
  } catch {
    // No IndexedDB: nothing kept.
  }
}

/** Posts a photo with its presigned form, with fetch (the service worker has no XMLHttpRequest). */
async function postPhoto(form: UploadForm, blob: Blob): Promise<"sent" | "expired" | "failed"> {
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
  data.append("file", blob, `foto-${form.slot}.${blob.type === "image/jpeg" ? "jpg" : "img"}`);
  try {
    const res = await fetch(form.url, { method: "POST", body: data });
    if (res.ok) return "sent";
    return res.status === 403 ? "expired" : "failed";
  } catch {
    return "failed";
  }
}

/** One try of one entry: the report (the same key and bytes), then its photos not yet uploaded. */
async function sendEntry(entry: OutboxEntry, at: Date): Promise<OutboxEntry> {
  let next: OutboxEntry = { ...entry, tries: entry.tries + 1, lastTryAt: at.toISOString() };
  if (!next.receipt) {
    const res = await call<Receipt>("POST", "/api/reports", {
      json: next.body,
      headers: { "Idempotency-Key": next.key, "Accept-Language": next.lang, [DEVICE_HEADER]: next.device },
    });
    const outcome = outcomeOf(res);
    if (outcome === "retry" || outcome.kind === "failed" || outcome.kind === "limited") return next;
    if (outcome.kind !== "created") return { ...next, state: "refused" };
    const { id, trackingCode, reporterSecret, uploads } = outcome.receipt;
    next = {
      ...next,
      receipt: {
        id,
        trackingCode,
        ...(reporterSecret ? { reporterSecret } : {}),
        ...(uploads ? { uploads } : {}),
      },
    };
    await set(next.key, next, db()); // stored: never sent again as new, whatever happens next
  }
  const { receipt } = next;
  while (next.photosSent < next.photos.length) {
    const slot = next.photosSent + 1;
    const photo = next.photos[next.photosSent] as OutboxPhoto;
    let form = receipt?.uploads?.forms.find((f) => f.slot === slot);
    // No form for a slot on a replayed submission: that photo already arrived.
    if (form && receipt?.uploads) {
      const token = receipt.uploads.token;
      if (isStale(form)) form = (await renewForm(receipt.id, token, slot, photo.type)) ?? form;
      let result = await postPhoto(form, photo.blob);
      if (result === "expired") {
        const fresh = await renewForm(receipt.id, token, slot, photo.type);
        result = fresh ? await postPhoto(fresh, photo.blob) : "failed";
      }
      if (result !== "sent") return next; // the rest waits for the next try
    }
    next = { ...next, photosSent: slot };
    await set(next.key, next, db());
  }
  return { ...next, state: "sent" };
}

/**
 * Sends every waiting entry, one at a time, once per call; the page and the service worker take turns
 * (a Web Lock where the browser has it; without one, the same key still keeps it to one report).
 * Answers how many reports were stored by this call.
 */
export async function drainOutbox(at = new Date()): Promise<{ sent: number; waiting: number }> {
  const run = async () => {
    let sent = 0;
    for (const entry of await listOutbox()) {
      if (entry.state !== "waiting") continue;
      const fresh = (await get(entry.key, db())) as OutboxEntry | undefined;
      if (fresh?.state !== "waiting") continue; // removed or sent meanwhile
      const next = await sendEntry(fresh, at);
      if (next.state === "sent") sent++;
      if ((await get(entry.key, db())) !== undefined) await set(entry.key, next, db());
    }
    const waiting = (await listOutbox()).filter((e) => e.state === "waiting").length;
    return { sent, waiting };
  };
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request("lapora-outbox", run) : run();
}
