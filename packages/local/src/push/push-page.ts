import type { ReceivedPush } from "./push-service";

export interface PushGroup {
  nrp: string;
  name: string;
  role: string;
  devices: { label: string; endpoint: string }[];
  messages: ReceivedPush[];
}

const html = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** What a phone would show: title and body of the app's JSON payload, or the raw text of any other. */
function notificationOf(payload: string): { title?: string; body: string; url?: string } {
  try {
    const v: unknown = JSON.parse(payload);
    if (v && typeof v === "object") {
      const { title, body, url } = v as Record<string, unknown>;
      if (typeof title === "string" || typeof body === "string")
        return {
          ...(typeof title === "string" ? { title } : {}),
          body: typeof body === "string" ? body : "",
          // Only a path of this origin becomes a link: a payload's "javascript:" must stay text.
          ...(typeof url === "string" && /^\/(?!\/)/.test(url) ? { url } : {}),
        };
    }
  } catch {
    // Not JSON: shown as it came.
  }
  return { body: payload };
}

function item(m: ReceivedPush) {
  const n = notificationOf(m.payload);
  const title = n.title ? `<strong>${html(n.title)}</strong> ` : "";
  const link = n.url ? ` <a href="${html(n.url)}">${html(n.url)}</a>` : "";
  const meta = `${html(m.label)} · urgency ${html(m.urgency)} · TTL ${m.ttl} s`;
  return `<li><time datetime="${html(m.receivedAt)}">${html(m.receivedAt)}</time> ${title}<q>${html(n.body)}</q>${link} <small>${meta}</small></li>`;
}

/**
 * `/dev/push`: every officer's push notifications as the local push service decrypted them, newest first.
 * No script and no inline style (the page is served with the app's CSP); it reloads itself every 5 seconds
 * with a meta refresh. Every value is escaped.
 */
export function pushPage(groups: readonly PushGroup[]): string {
  const section = (g: PushGroup) => {
    const newest = [...g.messages].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    const items = newest.length ? `<ol>${newest.map(item).join("")}</ol>` : "<p>Belum ada notifikasi.</p>";
    const devices = g.devices.length
      ? `Perangkat: ${g.devices.map((d) => html(d.label)).join(", ")}`
      : "Belum ada perangkat push (no push device)";
    return `<section><h2>${html(g.name)} · ${html(g.role)}</h2><p>NRP ${html(g.nrp)} · ${newest.length} notifikasi · ${devices}</p>${items}</section>`;
  };
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Push (lokal)</title></head>
<body><h1>Push (lokal)</h1>
<p>Notifikasi push tiap petugas, diterima dan didekripsi oleh layanan push lokal. <small>Each officer's Web Push notifications as the local push service received them (VAPID checked, payload decrypted); nothing reaches a phone.</small> SMS: <a href="/dev/sms">/dev/sms</a>. JSON: <a href="/dev/push.json">/dev/push.json</a>.</p>
${groups.map(section).join("\n")}
</body></html>`;
}
