// The console's service worker (/konsol-sw.js, scope /konsol/; built by `vite build --mode sw`): it shows
// the pushes the API sends officers and opens the report a tap names. It has no fetch handler: the
// console is not meant to work offline, and a cache would only serve officers stale reports.
import { clickTarget, isConsolePath, notificationOf, OPEN_MESSAGE } from "./notification";

// The few service-worker types this file uses. The web app's tsconfig has the DOM library, which cannot
// be combined with WebWorker's; these are structural subsets of the real ones.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  readonly data: { text(): string } | null;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification;
}
interface WindowClient {
  readonly url: string;
  readonly focused: boolean;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
  postMessage(message: unknown): void;
}
interface WorkerScope {
  readonly location: { readonly origin: string };
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "push", listener: (event: PushEvent) => void): void;
  addEventListener(type: "notificationclick", listener: (event: NotificationEvent) => void): void;
  /** The click's logic, for browser tests: no test can tap a notification (see handleClick). */
  laporaHandleClick?: (data: unknown) => Promise<string>;
}

const worker = self as unknown as WorkerScope;

/**
 * Keeps the worker alive for `work`. A synthetic event (a test's dispatchEvent) is not trusted, and its
 * waitUntil throws InvalidStateError: the work then simply runs unguarded.
 */
function keepAlive(event: ExtendableEvent, work: Promise<unknown>): void {
  const settled = work.catch(() => undefined);
  try {
    event.waitUntil(settled);
  } catch {
    // Not a real event: nothing to extend.
  }
}

/**
 * Opens the notification's page: in an open console window if there is one (focused, then navigated,
 * or told to go there itself when this worker does not control it yet), else in a new window. Returns
 * the absolute address. Focusing and opening need the tap's user activation; without one (a test) they
 * fail quietly and the address is still returned.
 */
async function handleClick(data: unknown): Promise<string> {
  const url = clickTarget(data, worker.location.origin);
  const windows = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
  const consoles = windows.filter((c) => {
    const at = new URL(c.url);
    return at.origin === worker.location.origin && isConsolePath(at.pathname);
  });
  const open = consoles.find((c) => c.focused) ?? consoles[0];
  if (!open) {
    await worker.clients.openWindow(url).catch(() => null);
    return url;
  }
  await open.focus().catch(() => undefined);
  const moved = await open.navigate(url).catch(() => null);
  if (!moved) open.postMessage({ type: OPEN_MESSAGE, url });
  return url;
}

worker.laporaHandleClick = handleClick;

// A new version takes over at once: it holds no state, and an old one would keep old click rules.
worker.addEventListener("install", (event) => keepAlive(event, worker.skipWaiting()));
worker.addEventListener("activate", (event) => keepAlive(event, worker.clients.claim()));

worker.addEventListener("push", (event) => {
  const { title, options } = notificationOf(event.data?.text());
  keepAlive(event, worker.registration.showNotification(title, options));
});

worker.addEventListener("notificationclick", (event) => {
  event.notification.close();
  keepAlive(event, handleClick(event.notification.data));
});
