import { dropOutbox } from "./outbox";

// localStorage can be missing or throw (private mode, storage full, disabled by the user): the app must
// still work, only without remembering.

/** The JSON value stored under `key`, or undefined. */
export function readJson(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON under `key`; undefined removes it. */
export function writeJson(key: string, value: unknown): void {
  if (sealed) return;
  try {
    if (value === undefined) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the draft simply will not survive a reload.
  }
}

let sealed = false;

/**
 * Removes everything Lapora keeps on this device (its `lapora.` keys, local and session) and refuses any
 * later write in this page: the quick exit's wipe, so nothing re-saves a draft while the page unloads.
 */
export function wipeAndSeal(): void {
  sealed = true;
  wipeAll();
  dropOutbox();
}

/** Removes everything Lapora keeps on this device (its `lapora` keys, local and session). */
export function wipeAll(): void {
  for (const store of [window.localStorage, window.sessionStorage]) {
    try {
      for (const key of Object.keys(store)) if (key.startsWith("lapora")) store.removeItem(key);
    } catch {
      // Storage unavailable: nothing was kept there either.
    }
  }
}
