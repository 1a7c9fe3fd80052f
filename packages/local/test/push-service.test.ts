import {
  type LocalPushService,
  type PushSubscriptionJson,
  startPushService,
} from "@lapora/local/push/push-service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { pushPage } from "../src/push/push-page";

// The real server on a free port, and web-push building each request exactly as the app's sender does
// (packages/core/src/adapters/webpush/push-sender.ts); nothing is mocked.

const vapid = webpush.generateVAPIDKeys();
const SUBJECT = "mailto:it@lapora.test";
const PAYLOAD = "Pencurian di Ds. Soak Baru — 🚨";

let service: LocalPushService;
beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service?.stop());

const details = (sub: PushSubscriptionJson, payload = PAYLOAD) =>
  webpush.generateRequestDetails(sub, payload, {
    vapidDetails: { subject: SUBJECT, ...vapid },
    TTL: 60,
    urgency: "high",
  });

/** Sends `d` to `to` (default its own endpoint), with `headers` replaced; the status and the body text. */
async function send(d: ReturnType<typeof details>, headers: Record<string, string> = {}, to = d.endpoint) {
  const res = await fetch(to, {
    method: d.method,
    headers: { ...(d.headers as Record<string, string>), ...headers },
    body: new Uint8Array(d.body),
  });
  return { status: res.status, reason: await res.text(), location: res.headers.get("location") };
}

describe("the local push service", () => {
  it("accepts a VAPID-signed, encrypted message with 201 and keeps the exact payload, decrypted", async () => {
    const sub = service.register("HP dinas");
    const before = service.stats();
    const answer = await send(details(sub));
    expect(answer.status).toBe(201);
    expect(answer.location).toMatch(new RegExp(`^${service.url}/`));
    expect(service.received(sub.endpoint)).toEqual([
      expect.objectContaining({ label: "HP dinas", payload: PAYLOAD, ttl: 60, urgency: "high" }),
    ]);
    expect(service.stats()).toEqual({ accepted: before.accepted + 1, refused: before.refused });
    const listed = (await (await fetch(`${service.url}/messages.json`)).json()) as { payload: string }[];
    expect(listed.map((m) => m.payload)).toContain(PAYLOAD);
  });

  it("refuses a VAPID JWT for another origin with 400, and keeps nothing", async () => {
    const sub = service.register("HP dinas");
    const other = webpush.getVapidHeaders(
      "https://fcm.googleapis.com",
      SUBJECT,
      vapid.publicKey,
      vapid.privateKey,
      "aes128gcm",
    );
    const before = service.stats();
    const answer = await send(details(sub), { Authorization: other.Authorization });
    expect(answer).toMatchObject({ status: 400, reason: expect.stringContaining("aud") });
    expect(service.received(sub.endpoint)).toEqual([]);
    expect(service.stats().refused).toBe(before.refused + 1);
  });

  it("refuses a tampered signature with 400", async () => {
    const sub = service.register("HP dinas");
    const d = details(sub);
    const auth = (d.headers as Record<string, string>).Authorization ?? "";
    const [, jwt = "", k = ""] = /t=([^,]+),\s*k=(.+)$/.exec(auth) ?? [];
    const [h, p, s = ""] = jwt.split(".");
    const sig = Buffer.from(s, "base64url");
    sig[10] = (sig[10] ?? 0) ^ 1;
    const tampered = `vapid t=${h}.${p}.${sig.toString("base64url")}, k=${k}`;
    expect(await send(d, { Authorization: tampered })).toMatchObject({ status: 400, reason: /signature/ });
    // The untouched request still goes through: the 400 was the signature's.
    expect((await send(d)).status).toBe(201);
    expect(service.received(sub.endpoint)).toHaveLength(1);
  });

  it("refuses a request without TTL, or with a body that does not decrypt, with 400", async () => {
    const sub = service.register("HP dinas");
    const d = details(sub);
    const noTtl = { ...(d.headers as Record<string, string>) };
    delete noTtl.TTL;
    const res = await fetch(d.endpoint, { method: "POST", headers: noTtl, body: new Uint8Array(d.body) });
    expect([res.status, await res.text()]).toEqual([400, expect.stringContaining("TTL")]);
    const forOther = details(service.register("HP lain"));
    expect((await send(forOther, {}, sub.endpoint)).status).toBe(400);
    expect(service.received(sub.endpoint)).toEqual([]);
  });

  it("answers 413 to a body over 4096 bytes", async () => {
    const sub = service.register("HP dinas");
    expect((await send(details(sub, "x".repeat(5000)))).status).toBe(413);
  });

  it("answers 404 for an unknown subscription", async () => {
    const d = details(service.register("HP dinas"));
    expect((await send(d, {}, `${service.url}/push/tidak-ada`)).status).toBe(404);
  });

  it("answers 410 when the subscription is gone, for that endpoint only", async () => {
    const gone = service.register("HP hilang");
    const other = service.register("HP dinas");
    service.setMode("gone", gone.endpoint);
    try {
      expect((await send(details(gone))).status).toBe(410);
      expect((await send(details(other))).status).toBe(201);
      expect(service.received(gone.endpoint)).toEqual([]);
    } finally {
      service.setMode("ok");
    }
  });

  it("answers 503 while down, and 201 again once back", async () => {
    const sub = service.register("HP dinas");
    service.setMode("down");
    try {
      expect((await send(details(sub))).status).toBe(503);
    } finally {
      service.setMode("ok");
    }
    expect((await send(details(sub))).status).toBe(201);
    expect(service.received(sub.endpoint).map((m) => m.payload)).toEqual([PAYLOAD]);
  });

  it("next() resolves with the matching message when it arrives", async () => {
    const sub = service.register("HP dinas");
    const waiting = service.next(sub.endpoint, (p) => p.payload.includes("kedua"));
    await send(details(sub, "pesan pertama"));
    await send(details(sub, "pesan kedua"));
    expect((await waiting).payload).toBe("pesan kedua");
    await expect(service.next(sub.endpoint, (p) => p.payload === "tidak pernah", 200)).rejects.toThrow(
      /No matching push .* within 200 ms/,
    );
  });

  it("gives a subscription to POST /register, cross-origin, that works for sending", async () => {
    const preflight = await fetch(`${service.url}/register`, {
      method: "OPTIONS",
      headers: { Origin: "http://127.0.0.1:3000", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const res = await fetch(`${service.url}/register`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ label: "Konsol" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const sub = (await res.json()) as PushSubscriptionJson;
    expect(sub.endpoint.startsWith(`${service.url}/push/`)).toBe(true);
    expect((await send(details(sub))).status).toBe(201);
    expect(service.received(sub.endpoint)).toEqual([
      expect.objectContaining({ label: "Konsol", payload: PAYLOAD }),
    ]);
  });
});

describe("pushPage", () => {
  it("shows each officer's notifications newest first, with every value escaped", () => {
    const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 1, 0, s)).toISOString();
    const msg = (s: number, payload: string) =>
      ({ endpoint: "e", label: "HP <dinas>", receivedAt: at(s), ttl: 60, urgency: "high", payload }) as const;
    const page = pushPage([
      {
        nrp: "80010001",
        name: `<script>alert("x")</script>`,
        role: "spkt",
        devices: [{ label: "HP <dinas>", endpoint: "e" }],
        messages: [
          msg(1, JSON.stringify({ title: "LAPORA DARURAT", body: "Pencurian", url: "javascript:alert(1)" })),
          msg(2, "teks <b>mentah</b>"),
        ],
      },
    ]);
    expect(page).toContain("<title>Push (lokal)</title>");
    expect(page).not.toMatch(/<script|<style|\sstyle=|\son\w+=|href="javascript/i);
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain('href="/dev/sms"');
    expect(page).toContain('href="/dev/push.json"');
    expect(page.indexOf("teks &lt;b&gt;mentah&lt;/b&gt;")).toBeLessThan(
      page.indexOf("<strong>LAPORA DARURAT</strong>"),
    );
  });
});
