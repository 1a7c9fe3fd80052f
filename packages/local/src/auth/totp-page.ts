import type { Officer } from "@lapora/core";
import type { Hono } from "hono";
import { secondsLeft, totpCode } from "./totp";

export interface TotpRow {
  nrp: string;
  name: string;
  role: Officer.Role;
  /** The code the officer's authenticator app shows now; null before they enrol one. */
  code: string | null;
}

const html = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** Every officer on the roster with the code of their local authenticator secret at `atMs`. */
export async function listTotpCodes(
  officers: Officer.OfficerStore,
  secretOf: (nrp: string) => Promise<string | undefined>,
  atMs = Date.now(),
): Promise<TotpRow[]> {
  return Promise.all(
    (await officers.list()).map(async ({ nrp, name, role }) => {
      const secret = await secretOf(nrp);
      return { nrp, name, role, code: secret ? totpCode(secret, atMs) : null };
    }),
  );
}

/**
 * `/dev/totp`: each officer's current sign-in code, what their authenticator app would show, so the demo
 * officers of the README can sign in without a phone. No script and no inline style (the page is served
 * with the app's CSP): a meta refresh reloads it when the codes change. Every value is escaped.
 */
export function renderTotpPage(rows: readonly TotpRow[], atMs = Date.now()): string {
  const left = secondsLeft(atMs);
  const row = (r: TotpRow) =>
    `<tr><td>${html(r.nrp)}</td><td>${html(r.name)}</td><td>${html(r.role)}</td><td>${
      r.code ? `<strong data-nrp="${html(r.nrp)}">${r.code}</strong>` : "belum mendaftarkan aplikasi"
    }</td></tr>`;
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${left}"><title>Kode TOTP (lokal)</title></head>
<body><h1>Kode TOTP (lokal)</h1>
<p>Kode 6 angka yang ditampilkan aplikasi autentikator tiap petugas saat ini; masukkan setelah kata sandi. Berganti dalam ${left} detik (halaman memuat ulang sendiri). <small>Each officer's current sign-in code, as their authenticator app would show it; local only. The demo officers' secrets are fixed (packages/core/src/testing/demo-officers.ts).</small> JSON: <a href="/dev/totp.json">/dev/totp.json</a>.</p>
<table><thead><tr><th scope="col">NRP</th><th scope="col">Nama</th><th scope="col">Peran</th><th scope="col">Kode</th></tr></thead>
<tbody>${rows.map(row).join("")}</tbody></table>
</body></html>`;
}

/** Adds `/dev/totp` and `/dev/totp.json` to the local app. */
export function addTotpPage(
  app: Hono,
  officers: Officer.OfficerStore,
  secretOf: (nrp: string) => Promise<string | undefined>,
): void {
  app.get("/dev/totp.json", async (c) => {
    const now = Date.now();
    return c.json({
      secondsLeft: secondsLeft(now),
      officers: await listTotpCodes(officers, secretOf, now),
    });
  });
  app.get("/dev/totp", async (c) => {
    const now = Date.now();
    c.header("Cache-Control", "no-store");
    return c.html(renderTotpPage(await listTotpCodes(officers, secretOf, now), now));
  });
}
