import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Officer } from "@lapora/core";
import {
  type CheckedApp,
  checkedApp,
  createTestDeps,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRETS,
  readJson,
  totpCode,
} from "@lapora/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";

// Cognito is not emulated: the local sign-in provider stands in for it behind the same routes, with
// TOTP enforced the same way (the Cognito adapter's own answers: adapters/aws/cognito-sign-in.test.ts).

let deps: Awaited<ReturnType<typeof createTestDeps>>;
let app: CheckedApp;
beforeAll(async () => {
  deps = await createTestDeps();
  app = checkedApp(createApp(deps));
});

const json = (method: string, path: string, body: unknown, token?: string) =>
  app.request(path, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const login = (nrp: string, password: string) => json("POST", "/api/auth/login", { nrp, password });
const answer = (nrp: string, session: string, code: string) =>
  json("POST", "/api/auth/totp", { nrp, session, code });
const demoCode = (nrp: string, atMs = Date.now()) => totpCode(DEMO_TOTP_SECRETS[nrp] ?? "", atMs);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const period = Officer.TOTP.periodSeconds * 1000;

/** The field and code of a 400's one detail. */
const refusal = async (res: Response) => {
  expect(res.status).toBe(400);
  const { details } = await readJson(res);
  return details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`);
};

describe("officer sign-in with TOTP", () => {
  it("answers a right password with the code challenge, and only the code gets an ID token", async () => {
    const res = await login("80010004", DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const challenge = await readJson(res);
    expect(challenge).toEqual({ challenge: "totp", session: expect.any(String) });
    // The session is no token: the console stays shut with it.
    const withSession = await app.request("/api/officer/me", {
      headers: { Authorization: `Bearer ${challenge.session}` },
    });
    expect(withSession.status).toBe(401);

    const done = await answer("80010004", challenge.session, demoCode("80010004"));
    expect(done.status).toBe(200);
    const { idToken, expiresIn } = await readJson(done);
    expect(expiresIn).toBe(3600);
    const me = await app.request("/api/officer/me", { headers: { Authorization: `Bearer ${idToken}` } });
    expect((await readJson(me)).officer).toMatchObject({
      nrp: "80010004",
      role: "kapolsek",
      kecamatan: "16.06.01",
    });
  });

  it("refuses a missing or malformed code, a wrong one and a stale one, naming the field", async () => {
    const { session } = await readJson(await login("80010005", DEMO_PASSWORD));
    expect(await refusal(await json("POST", "/api/auth/totp", { nrp: "80010005", session }))).toEqual([
      "code invalid_type",
    ]);
    expect((await refusal(await answer("80010005", session, "12345")))[0]).toMatch(/^code /);
    const now = Date.now();
    const wrong = String((Number(demoCode("80010005", now)) + 1) % 1_000_000).padStart(6, "0");
    expect(await refusal(await answer("80010005", session, wrong))).toEqual(["code totp.invalid"]);
    // Two steps old: past the one step either side a slow phone clock is allowed.
    const stale = demoCode("80010005", now - 2 * period);
    expect(await refusal(await answer("80010005", session, stale))).toEqual(["code totp.invalid"]);
  });

  it("refuses a session that is not the NRP's, or not one at all: the sign-in starts again", async () => {
    const { session } = await readJson(await login("80010002", DEMO_PASSWORD));
    expect(await refusal(await answer("80010001", session, demoCode("80010001")))).toEqual([
      "session session.expired",
    ]);
    expect(await refusal(await answer("80010002", `${session}x`, demoCode("80010002")))).toEqual([
      "session session.expired",
    ]);
    expect((await answer("80010002", session, demoCode("80010002"))).status).toBe(200);
  });

  it("slows down repeated failures, then lets the officer in and starts counting afresh", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login("80010003", "tebakan-salah")).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const locked = await login("80010003", DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
    await sleep(1100);
    const { session } = await readJson(await login("80010003", DEMO_PASSWORD));
    // A right password alone does not start the count afresh: the code waits out the same slow-down.
    const early = await answer("80010003", session, demoCode("80010003"));
    expect(early.status).toBe(429);
    await sleep(Number(early.headers.get("Retry-After")) * 1000 + 100);
    expect((await answer("80010003", session, demoCode("80010003"))).status).toBe(200);
    expect((await login("80010003", "tebakan-salah")).status).toBe(400);
  });

  it("counts wrong codes like wrong passwords", async () => {
    const { session } = await readJson(await login("80010006", DEMO_PASSWORD));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await answer("80010006", session, "000000")).status);
    expect(statuses).toEqual([400, 400, 429]);
  });

  it("keeps no password in plain text", async () => {
    const { Items = [] } = await deps.client.send(new ScanCommand({ TableName: deps.tableName }));
    const dump = JSON.stringify(Items);
    expect(dump).not.toContain(DEMO_PASSWORD);
    expect(dump).toContain("scrypt$");
  });
});

describe("the roster, managed by an admin", () => {
  it("adds an officer who can then sign in, updates them, and deactivates them, all audited", async () => {
    const admin = await deps.issuer.sign("80010006");
    const added = await json(
      "POST",
      "/api/admin/officers",
      {
        nrp: "80030001",
        name: "Bripda Lina",
        role: "bhabinkamtibmas",
        kecamatan: "16.06.09",
        desa: ["16.06.09.1016"],
        phone: "0813 1234 5678",
      },
      admin,
    );
    expect(added.status).toBe(201);
    const { officer, temporaryPassword } = await readJson(added);
    expect(officer).toMatchObject({ nrp: "80030001", phone: "+6281312345678", active: true, version: 1 });
    // The first sign-in enrols an authenticator app: its secret, as text and as the QR code's URI.
    const setup = await readJson(await login("80030001", temporaryPassword));
    expect(setup).toEqual({
      challenge: "totp_setup",
      session: expect.any(String),
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      otpauthUri: expect.any(String),
    });
    expect(setup.otpauthUri).toBe(
      `otpauth://totp/Lapora%20lokal:80030001?secret=${setup.secret}&issuer=Lapora%20lokal&algorithm=SHA1&digits=6&period=30`,
    );
    expect(await refusal(await answer("80030001", setup.session, "000000"))).toEqual(["code totp.invalid"]);
    const enrolled = await answer("80030001", setup.session, totpCode(setup.secret));
    expect(enrolled.status).toBe(200);
    expect(await readJson(enrolled)).toHaveProperty("idToken");
    // Enrolled: from now on the password leads to the code, with the same secret.
    const next = await readJson(await login("80030001", temporaryPassword));
    expect(next.challenge).toBe("totp");
    expect((await answer("80030001", next.session, totpCode(setup.secret))).status).toBe(200);

    const again = await json(
      "POST",
      "/api/admin/officers",
      { nrp: "80030001", name: "Bripda Lain", role: "spkt", phone: "081312345678" },
      admin,
    );
    expect(again.status).toBe(409);

    const body = {
      name: "Bripda Lina Marlina",
      role: "bhabinkamtibmas",
      kecamatan: "16.06.09",
      desa: ["16.06.09.1016", "16.06.09.1065"],
      phone: "081312345678",
      active: true,
    };
    expect((await json("PATCH", "/api/admin/officers/80030001", { ...body, version: 1 }, admin)).status).toBe(
      200,
    );
    expect((await json("PATCH", "/api/admin/officers/80030001", { ...body, version: 1 }, admin)).status).toBe(
      409,
    );
    expect(
      (await json("POST", "/api/admin/officers/80030001/deactivate", { version: 2 }, admin)).status,
    ).toBe(200);
    expect((await login("80030001", temporaryPassword)).status).toBe(400);

    const trail = await readJson(
      await app.request("/api/admin/officers/80030001/audit", {
        headers: { Authorization: `Bearer ${admin}` },
      }),
    );
    expect(trail.items.map((a: { action: string; actorNrp: string }) => [a.action, a.actorNrp])).toEqual([
      ["officer_added", "80010006"],
      ["officer_updated", "80010006"],
      ["officer_deactivated", "80010006"],
    ]);
  });

  it("refuses an officer whose desa lie outside their kecamatan, naming the field", async () => {
    const admin = await deps.issuer.sign("80010006");
    const res = await json(
      "POST",
      "/api/admin/officers",
      {
        nrp: "80030002",
        name: "Bripda Tono",
        role: "bhabinkamtibmas",
        kecamatan: "16.06.09",
        desa: ["16.06.01.1011"],
        phone: "081312345679",
      },
      admin,
    );
    expect(res.status).toBe(400);
    expect((await readJson(res)).details.map((d: { field: string }) => d.field)).toEqual(["desa"]);
  });
});
