import { navigate } from "../../lib/router";
import { openRequestOf } from "../sw/notification";

// The console's side of its service worker (src/console/sw/sw.ts, built to /konsol-sw.js): registering
// it, waiting for it to be active, and following its requests to open a page.

export const WORKER_URL = "/konsol-sw.js";
export const WORKER_SCOPE = "/konsol/";

/** True when this browser can receive Web Push here: a service worker, PushManager and notifications. */
export function pushSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    window.isSecureContext &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
}

/** Registers the worker (or finds it registered; the browser also checks it for an update). */
export function registerWorker(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.register(WORKER_URL, { scope: WORKER_SCOPE });
}

/**
 * The registration once its worker is active, which PushManager.subscribe needs. Not
 * navigator.serviceWorker.ready: that waits for a worker whose scope covers this page, and `/konsol`
 * itself lies outside `/konsol/`.
 */
export async function activeRegistration(): Promise<ServiceWorkerRegistration> {
  const registration = await registerWorker();
  if (registration.active) return registration;
  const pending = registration.installing ?? registration.waiting;
  if (!pending) throw new Error("The service worker did not install.");
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (pending.state === "activated") resolve();
      else if (pending.state === "redundant") reject(new Error("The service worker was replaced."));
    };
    pending.addEventListener("statechange", check);
    check();
  });
  return registration;
}

/**
 * Once per console load: registers the worker, so pushes show even before the officer opens the
 * Notifikasi page again, and follows the worker's requests to open a page (a tap on a notification,
 * in a console window the worker does not control yet). Under `vite dev` there is no /konsol-sw.js:
 * the registration fails quietly.
 */
export function startWorker(): void {
  if (!pushSupported()) return;
  registerWorker().catch(() => undefined);
  navigator.serviceWorker.addEventListener("message", (event) => {
    const to = openRequestOf(event.data, window.location.origin);
    if (to) navigate(to);
  });
}
