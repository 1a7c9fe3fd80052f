import type { Officer } from "@lapora/core";
import { Region } from "@lapora/core";
import type { ReceivedSms, SmsInbox } from "./sms-queues";

export interface OfficerInbox {
  nrp: string;
  name: string;
  role: Officer.Role;
  area: string;
  active: boolean;
  messages: readonly ReceivedSms[];
}

/** Every officer on the roster with the SMS their local inbox received, newest first. */
export async function listInboxes(officers: Officer.OfficerStore, inbox: SmsInbox): Promise<OfficerInbox[]> {
  const roster = await officers.list();
  return roster.map((o) => ({
    nrp: o.nrp,
    name: o.name,
    role: o.role,
    area:
      o.role === "bhabinkamtibmas"
        ? (o.desa ?? []).map((d) => Region.findDesa(d)?.desa.name ?? d).join(", ")
        : o.kecamatan
          ? `Kec. ${Region.findKecamatan(o.kecamatan)?.name ?? o.kecamatan}`
          : "Kabupaten",
    active: o.active,
    messages: [...inbox.messagesOf(o.nrp)].reverse(),
  }));
}

const html = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * `/dev/sms`: a plain page of every officer's SMS inbox. No script and no inline style (the page is served
 * with the app's CSP); it reloads itself every 5 seconds with a meta refresh. Every value is escaped.
 */
export function renderSmsPage(
  inboxes: readonly OfficerInbox[],
  reporters: readonly { to: string; text: string; at: string }[] = [],
): string {
  const section = (o: OfficerInbox) => {
    const items = o.messages.length
      ? `<ol>${o.messages
          .map(
            (m) =>
              `<li><time datetime="${html(m.receivedAt)}">${html(m.receivedAt)}</time> <q>${html(m.text)}</q></li>`,
          )
          .join("")}</ol>`
      : "<p>Belum ada SMS.</p>";
    const state = o.active ? "" : " (nonaktif)";
    return `<section><h2>${html(o.name)} · ${html(o.role)} · ${html(o.area)}${state}</h2><p>NRP ${html(o.nrp)} · ${o.messages.length} SMS</p>${items}</section>`;
  };
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>SMS petugas (lokal)</title></head>
<body><h1>SMS petugas (lokal)</h1>
<p>Each officer's SMS subscription is a fauxqs queue here, filtered by the same FilterPolicy as in AWS. Nothing is sent to a phone. JSON: <a href="/dev/sms.json">/dev/sms.json</a>. Push notifications: <a href="/dev/push">/dev/push</a>.</p>
${inboxes.map(section).join("\n")}
<section><h2>Pelapor · reporters' SMS updates</h2><p>Updates to reporters who asked for them, straight to their number (masked here).</p>${
    reporters.length
      ? `<ol>${reporters
          .map(
            (m) =>
              `<li><time datetime="${html(m.at)}">${html(m.at)}</time> ${html(m.to)} <q>${html(m.text)}</q></li>`,
          )
          .join("")}</ol>`
      : "<p>Belum ada SMS.</p>"
  }</section>
</body></html>`;
}
