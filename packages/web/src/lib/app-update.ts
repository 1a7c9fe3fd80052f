import { useEffect, useState } from "preact/hooks";

// A new version of the site waiting in the service worker (lib/service-worker.ts): the way to apply it,
// shared with the banner that offers it ("versi baru").
let apply: (() => void) | undefined;
const listeners = new Set<() => void>();

/** Called by the service worker's registration when a new version has installed and waits. */
export function offerUpdate(fn: () => void): void {
  apply = fn;
  for (const listener of listeners) listener();
}

/** The way to load the waiting version, once there is one. */
export function useUpdate(): (() => void) | undefined {
  const [, redraw] = useState(0);
  useEffect(() => {
    const listener = () => redraw((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return apply;
}
