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
  try {
    if (value === undefined) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the draft simply will not survive a reload.
  }
}
