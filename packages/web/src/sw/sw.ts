// The public site's service worker (/sw.js, scope /; built by vite-plugin-pwa from this file, with the
// list of the build's files injected as self.__WB_MANIFEST). It makes the site work without signal:
// - the app shell (the page, its scripts and styles, the desa list inside them, the Statistik, tracking
//   and privacy chunks, icons) is precached at install, so a second visit renders with no network;
// - a new version installs in the background and waits: the page shows "versi baru" and only the
//   resident's tap activates it, followed by a reload, so a page never runs half old, half new;
// - the outbox of reports made offline is sent on Background Sync (lib/outbox.ts), as the page does.
// The officers' console has its own worker (/konsol-sw.js, scope /konsol/); this one leaves /konsol alone.
import { WEB_PAGES, webPageFor } from "@lapora/core/browser";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import { drainOutbox, OUTBOX_CHANGED, OUTBOX_SYNC_TAG } from "../lib/outbox";
import { SKIP_WAITING } from "../lib/sw-messages";

// The few service-worker types this file uses. The web app's tsconfig has the DOM library, which cannot
// be combined with WebWorker's; these are structural subsets of the real ones (as in the console's worker).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
interface MessageEventLike extends Event {
  readonly data: unknown;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification;
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    matchAll(options: { type: "window" }): Promise<{ postMessage(message: unknown): void }[]>;
    openWindow(url: string): Promise<unknown>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "sync", listener: (event: SyncEvent) => void): void;
  addEventListener(type: "message", listener: (event: MessageEventLike) => void): void;
  addEventListener(type: "notificationclick", listener: (event: NotificationEvent) => void): void;
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
}

const worker = self as unknown as WorkerScope;

// Workbox's build replaces `self.__WB_MANIFEST` (written as is) with the list of files and revisions.
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page of the public site opens from the precache, with the HTML file core's webPageFor names for
// it (the prerendered form at /, the app shell elsewhere). The console's pages (its own worker), a path
// naming a file, the API and the dev pages go to the network.
const NOT_THE_SITE = [/^\/api\//, /^\/dev\//, /^\/auth\//, /^\/__/];
const formPage = createHandlerBoundToURL(WEB_PAGES.form);
const appPage = createHandlerBoundToURL(WEB_PAGES.app);
registerRoute(
  new NavigationRoute(
    (options) => {
      const page = webPageFor(options.url.pathname);
      if (page === WEB_PAGES.form) return formPage(options);
      if (page === WEB_PAGES.app) return appPage(options);
      return fetch(options.request);
    },
    { denylist: NOT_THE_SITE },
  ),
);

// The weekly statistics: the network first, the last copy seen when there is none. Only public figures;
// nothing about a report (a tracking answer may name a sensitive category) is ever cached.
registerRoute(
  ({ url, request }) => request.method === "GET" && url.pathname.startsWith("/api/stats/"),
  new NetworkFirst({ cacheName: "lapora-stats", networkTimeoutSeconds: 6 }),
);

worker.addEventListener("message", (event) => {
  if (event.data === SKIP_WAITING) void worker.skipWaiting();
});

// The first version takes the open page at once, so it works offline from the first visit; a later one
// only after the resident chose to reload (SKIP_WAITING above).
worker.addEventListener("activate", (event) => event.waitUntil(worker.clients.claim()));

async function sendOutbox(): Promise<void> {
  const { sent, waiting } = await drainOutbox();
  const pages = await worker.clients.matchAll({ type: "window" });
  for (const page of pages) page.postMessage(OUTBOX_CHANGED);
  if (sent > 0 && pages.length === 0 && Notification.permission === "granted") {
    // The code only: the secret is shown in the page, not on a lock screen.
    await worker.registration.showNotification("Laporan terkirim", {
      body:
        sent === 1
          ? "Laporan yang tersimpan di HP sudah terkirim. Buka Lapora untuk melihat kode dan kuncinya."
          : `${sent} laporan yang tersimpan di HP sudah terkirim. Buka Lapora untuk melihat kodenya.`,
      icon: "/icons/lapora-192.png",
      tag: OUTBOX_SYNC_TAG,
      lang: "id",
    });
  }
  // Still waiting (no signal again, or the server busy): a failed sync is tried again by the browser.
  if (waiting > 0) throw new Error(`${waiting} reports still waiting`);
}

worker.addEventListener("sync", (event) => {
  if (event.tag === OUTBOX_SYNC_TAG) event.waitUntil(sendOutbox());
});

worker.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(worker.clients.openWindow("/"));
});
