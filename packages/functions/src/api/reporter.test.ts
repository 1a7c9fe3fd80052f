import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { firstForwarded, Reporter } from "@lapora/core";
import {
  type CheckedApp,
  checkedApp,
  createTestDeps,
  officerReports,
  readJson,
  validReport,
} from "@lapora/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";

// The reporter's side of a report against DynamoDB Local: the secret of the receipt, the reporter's own
// view, the thread with officers in both directions, and photos added later. Sources are played with
// X-Forwarded-For, as CloudFront passes them.

let deps: Awaited<ReturnType<typeof createTestDeps>>;
let app: CheckedApp;
const logged: string[] = [];

beforeAll(async () => {
  deps = await createTestDeps();
  const log = {
    info: (m: string, e?: object) => void logged.push(m, JSON.stringify(e ?? {})),
    warn: (m: string, e?: object) => void logged.push(m, JSON.stringify(e ?? {})),
    error: (m: string, e?: object) => void logged.push(m, JSON.stringify(e ?? {})),
  };
  app = checkedApp(
    createApp(deps, log as never, { sourceOf: (c) => firstForwarded(c.req.header("X-Forwarded-For")) }),
  );
});

const SPKT = "80010001";
const PIMPINAN = "80010005";
const BHABIN_ELSEWHERE = "80010003";

const REPORT = validReport({ description: "Motor saya dicuri di depan warung, pelakunya dua orang." });

async function submit(key?: string) {
  const res = await app.request("/api/reports", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(key ? { "Idempotency-Key": key } : {}) },
    body: JSON.stringify(REPORT),
  });
  expect(res.status).toBe(201);
  return (await readJson(res)) as { id: string; trackingCode: string; reporterSecret: string };
}

const asReporter = (
  code: string,
  secret: string | undefined,
  from = "198.51.100.1",
  init: RequestInit = {},
) =>
  app.request(`/api/reports/track/${code}/reporter${init.method === "POST" ? "/messages" : ""}`, {
    ...init,
    headers: {
      ...(secret !== undefined ? { [Reporter.REPORTER_SECRET_HEADER]: secret } : {}),
      "X-Forwarded-For": from,
      ...(init.body ? { "Content-Type": "application/json" } : {}),
    },
  });
const reply = (code: string, secret: string, text: string) =>
  asReporter(code, secret, "198.51.100.1", { method: "POST", body: JSON.stringify({ text }) });

const officer = (nrp: string, method: string, path: string, body?: unknown) =>
  officerReports(app, deps.issuer)(nrp, method, path, body);

describe("the reporter secret", () => {
  it("is stored only as its hash, and each idempotent replay hands out one more that works too", async () => {
    const first = await submit("secret-replay-0001");
    const replay = await submit("secret-replay-0001");
    expect(replay.trackingCode).toBe(first.trackingCode);
    expect(replay.reporterSecret).not.toBe(first.reporterSecret);
    const { Items = [] } = await deps.client.send(new ScanCommand({ TableName: deps.tableName }));
    // String sets come back as Sets: spell them out.
    const table = JSON.stringify(Items, (_k, v) => (v instanceof Set ? [...v] : v));
    for (const secret of [first.reporterSecret, replay.reporterSecret]) {
      expect(table).not.toContain(secret);
      expect(table).not.toContain(secret.replaceAll("-", ""));
      expect(table).toContain(Reporter.hashReporterSecret(secret));
      expect((await asReporter(first.trackingCode, secret)).status).toBe(200);
    }
  });

  it("opens the reporter's own view; without it, or with another report's, nothing but a 401", async () => {
    const mine = await submit();
    const other = await submit();
    const view = await asReporter(mine.trackingCode, mine.reporterSecret.toLowerCase().replaceAll("-", " "));
    expect(view.status).toBe(200);
    expect(await readJson(view)).toMatchObject({
      trackingCode: mine.trackingCode,
      description: "Motor saya dicuri di depan warung, pelakunya dua orang.",
      thread: [],
      photosRemaining: 5,
    });
    // The code alone: the public view, without what the reporter wrote or the thread.
    const pub = await readJson(await app.request(`/api/reports/track/${mine.trackingCode}`));
    expect(pub.status).toBe("diterima");
    expect(pub).not.toHaveProperty("description");
    expect(pub).not.toHaveProperty("thread");
    for (const secret of [undefined, "", other.reporterSecret, "AAAA-BBBB"]) {
      const res = await asReporter(mine.trackingCode, secret, `192.0.2.${Math.floor(Math.random() * 200)}`);
      expect(res.status).toBe(401);
      const body = await readJson(res);
      expect(body.error).toBe("unauthorized");
      expect(JSON.stringify(body)).not.toContain("Motor saya");
    }
  });

  it("slows wrong secrets down per code and source: the third wrong try waits, the reporter elsewhere does not", async () => {
    const r = await submit();
    const attacker = "203.0.113.66";
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await asReporter(r.trackingCode, Reporter.newReporterSecret(), attacker)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const waiting = await asReporter(r.trackingCode, r.reporterSecret, attacker);
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get("Retry-After"))).toBeGreaterThan(0);
    // The reporter, from her own phone's address, gets in at once, however often she looks.
    for (let i = 0; i < 5; i++)
      expect((await asReporter(r.trackingCode, r.reporterSecret, "192.0.2.7")).status).toBe(200);
  });
});

describe("the thread", () => {
  it("carries an officer's question to the reporter and her answer back, audited without the text", async () => {
    const r = await submit();
    const asked = await officer(SPKT, "POST", `${r.id}/thread`, {
      text: "Apakah Ibu melihat plat nomornya?",
    });
    expect(asked.status).toBe(201);
    expect((await readJson(asked)).items).toMatchObject([
      { from: "officer", nrp: SPKT, role: "spkt", text: "Apakah Ibu melihat plat nomornya?" },
    ]);

    const seen = await readJson(await asReporter(r.trackingCode, r.reporterSecret));
    // The reporter sees that an officer asked, never which one.
    expect(seen.thread).toEqual([
      { at: expect.any(String), from: "officer", text: "Apakah Ibu melihat plat nomornya?" },
    ]);

    const answered = await reply(r.trackingCode, r.reporterSecret, "  Ya, BG 1234 XY, warnanya hitam.  ");
    expect(answered.status).toBe(201);
    expect(
      (await readJson(answered)).thread.map((m: { from: string; text: string }) => [m.from, m.text]),
    ).toEqual([
      ["officer", "Apakah Ibu melihat plat nomornya?"],
      ["reporter", "Ya, BG 1234 XY, warnanya hitam."],
    ]);

    const thread = await readJson(await officer(PIMPINAN, "GET", `${r.trackingCode}/thread`));
    expect(thread.items.map((m: { from: string }) => m.from)).toEqual(["officer", "reporter"]);
    // The reporter's message carries nothing about where it came from.
    expect(Object.keys(thread.items[1]).sort()).toEqual(["at", "from", "messageId", "reportId", "text"]);

    const audit = (await readJson(await officer(SPKT, "GET", `${r.id}/audit`))).items as Record<
      string,
      string
    >[];
    const entries = audit.filter((e) => e.action === "reporter_question" || e.action === "reporter_reply");
    expect(entries.map((e) => [e.action, e.actorNrp, e.actorRole])).toEqual([
      ["reporter_question", SPKT, "spkt"],
      ["reporter_reply", "pelapor", "reporter"],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/plat nomor|BG 1234/);
    expect(logged.join("\n")).not.toMatch(/plat nomor|BG 1234/);
  });

  it("is asked only by officers who work the case, and only in their area", async () => {
    const r = await submit();
    const ask = { text: "Kapan kejadiannya?" };
    expect((await officer(PIMPINAN, "POST", `${r.id}/thread`, ask)).status).toBe(403);
    expect((await officer(BHABIN_ELSEWHERE, "POST", `${r.id}/thread`, ask)).status).toBe(403);
    expect((await officer(BHABIN_ELSEWHERE, "GET", `${r.id}/thread`)).status).toBe(403);
    expect((await readJson(await officer(SPKT, "GET", `${r.id}/thread`))).items).toEqual([]);
  });

  it("refuses an empty or overlong message, naming the field, and stores nothing", async () => {
    const r = await submit();
    for (const text of ["   ", "x".repeat(1001)]) {
      const res = await reply(r.trackingCode, r.reporterSecret, text);
      expect(res.status).toBe(400);
      expect((await readJson(res)).details[0].field).toBe("text");
    }
    const unknown = await asReporter(r.trackingCode, r.reporterSecret, "198.51.100.1", {
      method: "POST",
      body: JSON.stringify({ text: "halo", html: "<b>x</b>" }),
    });
    expect(unknown.status).toBe(400);
    expect((await readJson(await asReporter(r.trackingCode, r.reporterSecret))).thread).toEqual([]);
  });
});

describe("photos added later", () => {
  it("go through the same checked upload forms, five per report in all; a sixth is refused", async () => {
    const r = await submit();
    const forms = (n: number, secret = r.reporterSecret) =>
      app.request(`/api/reports/track/${r.trackingCode}/reporter/evidence`, {
        method: "POST",
        headers: { "Content-Type": "application/json", [Reporter.REPORTER_SECRET_HEADER]: secret },
        body: JSON.stringify({ photos: Array.from({ length: n }, () => ({ contentType: "image/jpeg" })) }),
      });
    expect((await forms(1, Reporter.newReporterSecret())).status).toBe(401);
    const first = await forms(3);
    expect(first.status).toBe(200);
    expect(await readJson(first)).toMatchObject({ remaining: 2 });
    expect((await readJson(await forms(2))).remaining).toBe(0);
    const sixth = await forms(1);
    expect(sixth.status).toBe(409);
    expect((await readJson(await asReporter(r.trackingCode, r.reporterSecret))).photosRemaining).toBe(0);
  });
});
