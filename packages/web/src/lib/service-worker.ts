import { OUTBOX_SYNC_TAG } from "./outbox";
import { SKIP_WAITING } from "./sw-messages";

/**
 * Registers the public site's service worker (src/sw/sw.ts) once the page has loaded, so its precache
 * downloads do not compete with the page on a slow link. When a new version has installed and waits,
 * `onUpdate` gets the way to apply it: the waiting worker takes over and the page reloads once, whole.
 * Without service workers (an old browser, or http on another host) the site works online as before.
 */
export function registerServiceWorker(onUpdate: (apply: () => void) => void): void {
  if (!("serviceWorker" in navigator)) return;
  let applying = false;
  const offer = (worker: ServiceWorker) =>
    onUpdate(() => {
      applying = true;
      worker.postMessage(SKIP_WAITING);
    });
  // Only the reload the resident asked for: the first version taking the page (clients.claim) is not one.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (applying) window.location.reload();
  });
  const register = async () => {
    const reg = await navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
    if (!reg) return;
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener("updatefound", () => {
      const worker = reg.installing;
      worker?.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
      });
    });
  };
  if (document.readyState === "complete") void register();
  else window.addEventListener("load", () => void register(), { once: true });
}

/**
 * Asks the browser to send the outbox when the connection is back, even with Lapora closed (Background
 * Sync, where the browser has it; Chromium does). Answers false where it cannot: the page then sends on
 * its next open or `online` event.
 */
export async function requestOutboxSync(): Promise<boolean> {
  try {
    const reg = (await navigator.serviceWorker?.ready) as
      | (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
      | undefined;
    if (!reg?.sync) return false;
    await reg.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}
