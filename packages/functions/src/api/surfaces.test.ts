import { createTestDeps, readJson } from "@lapora/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { ORIGIN_HEADER } from "./auth";
import { silentLog } from "./log";

// The bare apps (not checkedApp): a route answered 404 because another function serves it is the point
// here, and the contract rightly does not declare that 404 for the route.
let deps: Awaited<ReturnType<typeof createTestDeps>>;
beforeAll(async () => {
  deps = await createTestDeps();
});

const json = { "Content-Type": "application/json" };

describe("one function per surface", () => {
  it("the public function serves the form, tracking and statistics, and nothing of the officers", async () => {
    const app = createApp(deps, silentLog, { surface: "public" });
    expect((await app.request("/api/regions")).status).toBe(200);
    expect((await app.request("/api/stats/weeks")).status).toBe(200);
    const token = await deps.issuer.sign("80010001");
    const me = await app.request("/api/officer/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(404);
    expect((await readJson(me)).error).toBe("not_found");
    const login = await app.request("/api/auth/login", { method: "POST", headers: json, body: "{}" });
    expect(login.status).toBe(404);
  });

  it("the officer function serves sign-in and the console, and not the report form", async () => {
    const app = createApp(deps, silentLog, { surface: "officer" });
    const token = await deps.issuer.sign("80010001");
    const me = await app.request("/api/officer/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const login = await app.request("/api/auth/login", { method: "POST", headers: json, body: "{}" });
    expect(login.status).toBe(400);
    expect((await app.request("/api/reports", { method: "POST", headers: json, body: "{}" })).status).toBe(
      404,
    );
  });
});

describe("the origin secret", () => {
  const secret = "s".repeat(40);
  it("refuses a request that did not come through CloudFront, whatever the route", async () => {
    const app = createApp(deps, silentLog, { originSecret: secret });
    const attempts: Record<string, string>[] = [
      {},
      { [ORIGIN_HEADER]: "wrong" },
      { [ORIGIN_HEADER]: `${secret}x` },
    ];
    for (const headers of attempts) {
      const res = await app.request("/api/regions", { headers });
      expect(res.status).toBe(403);
      expect((await readJson(res)).error).toBe("forbidden");
    }
    expect((await app.request("/api/regions", { headers: { [ORIGIN_HEADER]: secret } })).status).toBe(200);
  });
});
