import { activeRegistration } from "./worker";

// Turning Web Push on in this browser: permission, the worker, the push service's subscription. What the
// API then gets is the subscription's JSON (endpoint and keys), never anything else of the browser.

/** How long the browser's push service may take to answer subscribe(). */
export const SUBSCRIBE_TIMEOUT_MS = 15_000;

/** Why this browser could not be subscribed, for the page to say so. */
export type SubscribeFailure = "denied" | "dismissed" | "worker" | "timeout" | "refused";

export class SubscribeError extends Error {
  constructor(
    readonly reason: SubscribeFailure,
    options?: { cause?: unknown },
  ) {
    super(`Push subscription failed: ${reason}`, options);
    this.name = "SubscribeError";
  }
}

/** A base64url VAPID key (RFC 8292) as the bytes applicationServerKey takes. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `promise`, or a SubscribeError("timeout") once `ms` have passed without it settling. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SubscribeError("timeout")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sameKey = (a: ArrayBuffer | null, b: Uint8Array) =>
  a !== null && a.byteLength === b.length && new Uint8Array(a).every((byte, i) => byte === b[i]);

/**
 * Asks for permission (call it from the officer's tap), registers the worker and subscribes with the
 * stage's VAPID key. Offline, or where the push service cannot be reached, subscribe() may never settle:
 * it is given `timeoutMs`. A subscription made with another key (an earlier stage's) is replaced.
 */
export async function subscribeThisBrowser(
  publicKey: string,
  timeoutMs = SUBSCRIBE_TIMEOUT_MS,
): Promise<PushSubscriptionJSON> {
  const permission = await Notification.requestPermission();
  if (permission === "denied") throw new SubscribeError("denied");
  if (permission !== "granted") throw new SubscribeError("dismissed");
  let registration: ServiceWorkerRegistration;
  try {
    registration = await withTimeout(activeRegistration(), timeoutMs);
  } catch (cause) {
    throw cause instanceof SubscribeError ? cause : new SubscribeError("worker", { cause });
  }
  const key = keyBytes(publicKey);
  try {
    const existing = await registration.pushManager.getSubscription();
    if (existing && !sameKey(existing.options.applicationServerKey, key)) await existing.unsubscribe();
    const subscription = await withTimeout(
      registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
      timeoutMs,
    );
    return subscription.toJSON();
  } catch (cause) {
    throw cause instanceof SubscribeError ? cause : new SubscribeError("refused", { cause });
  }
}
