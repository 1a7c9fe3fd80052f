// What the console's service worker shows for a push and where a tap on it leads: plain functions, so
// they are tested in Node (notification.test.ts) and the worker (sw.ts) only wires them to its events.
// The payload is the API's (core's Alert.PushMessage), but the worker reads it as untrusted text: a
// malformed one still shows a notification (a push that shows nothing would be a lost alert) and never
// shows the raw text.

/** Where the console lives, and where a tap goes when the payload names nowhere acceptable. */
export const CONSOLE_PREFIX = "/konsol";
export const CONSOLE_HOME = `${CONSOLE_PREFIX}/`;

export const ICON = "/icons/konsol-192.png";
/** Android's status-bar icon: only its alpha counts. */
export const BADGE = "/icons/konsol-badge-96.png";

/** Shown when the payload is not the API's JSON. */
export const FALLBACK_TITLE = "Lapora: laporan baru";
export const FALLBACK_BODY = "Buka Lapora Konsol untuk melihatnya.";

const MAX_TITLE = 120;
const MAX_BODY = 400;

/** What a notification carries to its click. */
export interface NotificationData {
  url: string;
  reportId?: string;
}

/**
 * The options the worker passes to showNotification. `renotify` (alert again when a notification of the
 * same tag is replaced) and `vibrate` are missing from TypeScript's DOM types but honoured by Chromium.
 */
export type ShownOptions = NotificationOptions & {
  data: NotificationData;
  renotify?: boolean;
  vibrate?: number[];
};

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== "string") return undefined;
  // Control characters (a stray NUL, a bidi override) have no business in a notification.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point.
  const clean = value.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, " ").trim();
  return clean ? clean.slice(0, max) : undefined;
};

function parse(payloadText: string | null | undefined): Record<string, unknown> | undefined {
  if (!payloadText) return undefined;
  try {
    const value: unknown = JSON.parse(payloadText);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The notification for a push payload (the message's text). A darurat one stays on screen until the
 * officer acts (`requireInteraction`) and, replacing an earlier one of its tag, alerts again (`renotify`).
 * A payload that is not the API's JSON object gives the generic "Lapora: laporan baru", opening the console.
 */
export function notificationOf(payloadText: string | null | undefined): {
  title: string;
  options: ShownOptions;
} {
  const payload = parse(payloadText);
  const title = text(payload?.title, MAX_TITLE);
  if (!payload || !title) {
    return {
      title: FALLBACK_TITLE,
      options: { body: FALLBACK_BODY, icon: ICON, badge: BADGE, lang: "id", data: { url: CONSOLE_HOME } },
    };
  }
  const reportId = text(payload.reportId, 100);
  const data: NotificationData = {
    url: typeof payload.url === "string" ? payload.url : CONSOLE_HOME,
    ...(reportId ? { reportId } : {}),
  };
  const darurat = payload.priority === "darurat";
  // renotify without a tag is a TypeError in Chromium: a darurat payload always gets one.
  const tag = text(payload.tag, 200) ?? (darurat ? `lapora-${reportId ?? "darurat"}` : undefined);
  const options: ShownOptions = {
    body: text(payload.body, MAX_BODY) ?? "",
    icon: ICON,
    badge: BADGE,
    lang: "id",
    data,
    ...(tag ? { tag } : {}),
    ...(darurat ? { requireInteraction: true, renotify: true, vibrate: [300, 100, 300, 100, 300] } : {}),
  };
  return { title, options };
}

/** True for the console's own pages: `/konsol` and everything under `/konsol/`. */
export const isConsolePath = (pathname: string) =>
  pathname === CONSOLE_PREFIX || pathname.startsWith(CONSOLE_HOME);

/**
 * The absolute address a tap on the notification opens: the payload's `url` when it is a page of the
 * console on this origin, else the console's home. Nothing in a payload can send an officer elsewhere.
 */
export function clickTarget(data: unknown, origin: string): string {
  const home = new URL(CONSOLE_HOME, origin);
  const url = (data as Partial<NotificationData> | null | undefined)?.url;
  if (typeof url !== "string") return home.href;
  let target: URL;
  try {
    target = new URL(url, home);
  } catch {
    return home.href;
  }
  if (target.origin !== home.origin || !isConsolePath(target.pathname)) return home.href;
  return target.href;
}

/** The message a console page gets when the worker cannot navigate it (it does not control it yet). */
export const OPEN_MESSAGE = "lapora:open";

/**
 * The in-console address (path, query and hash) a message from the worker asks a page to open, or
 * undefined for any other message; the same rule as clickTarget, so a message cannot leave the console.
 */
export function openRequestOf(message: unknown, origin: string): string | undefined {
  const m = message as { type?: unknown; url?: unknown } | null | undefined;
  if (m?.type !== OPEN_MESSAGE) return undefined;
  const target = new URL(clickTarget(m, origin));
  return target.pathname + target.search + target.hash;
}
