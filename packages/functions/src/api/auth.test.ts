import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { type CheckedApp, checkedApp, createTestDeps, DEMO_PASSWORD, readJson } from "@lapora/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";

// Cognito is not emulated: the local sign-in provider stands in for it behind the same routes.

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

describe("officer sign-in", () => {
  it("issues an ID token the API accepts", async () => {
    const res = await login("80010004", DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const { idToken, expiresIn } = await readJson(res);
    expect(expiresIn).toBe(3600);
    const me = await app.request("/api/officer/me", { headers: { Authorization: `Bearer ${idToken}` } });
    expect((await readJson(me)).officer).toMatchObject({
      nrp: "80010004",
      role: "kapolsek",
      kecamatan: "16.06.01",
    });
  });

  it("slows down repeated failures, then lets the right password in and starts counting afresh", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login("80010003", "tebakan-salah")).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const locked = await login("80010003", DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await login("80010003", DEMO_PASSWORD)).status).toBe(200);
    expect((await login("80010003", "tebakan-salah")).status).toBe(400);
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
    expect((await login("80030001", temporaryPassword)).status).toBe(200);

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
