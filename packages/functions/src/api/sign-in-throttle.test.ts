import { firstForwarded, Officer } from "@lapora/core";
import { checkedApp, createTestDeps, DEMO_PASSWORD } from "@lapora/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { silentLog } from "./log";

// Cognito is not emulated: the local sign-in provider stands in for it. It is wrapped only to count
// how many passwords actually reach it. Sources are played with X-Forwarded-For, as behind CloudFront.

let deps: Awaited<ReturnType<typeof createTestDeps>>;
let tried = 0;
let app: ReturnType<typeof checkedApp>;

beforeAll(async () => {
  deps = await createTestDeps();
  const counted: Officer.SignInProvider = {
    signIn: (u, p) => {
      tried++;
      return deps.signIn.signIn(u, p);
    },
    setNewPassword: (u, s, p) => deps.signIn.setNewPassword(u, s, p),
    answerTotp: (u, s, c) => {
      tried++;
      return deps.signIn.answerTotp(u, s, c);
    },
  };
  app = checkedApp(
    createApp({ ...deps, signIn: counted }, silentLog, {
      sourceOf: (c) => firstForwarded(c.req.header("X-Forwarded-For")),
    }),
  );
});

const login = (nrp: string, password: string, from: string) =>
  app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": `${from}, 130.176.0.1` },
    body: JSON.stringify({ nrp, password }),
  });

describe("officer sign-in under attack", () => {
  it("twelve wrong passwords sent at once are not all tried: only the free attempts reach the check", async () => {
    tried = 0;
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async () => (await login("80010002", "tebakan", "203.0.113.7")).status),
    );
    expect(tried).toBe(Officer.FREE_SIGN_IN_ATTEMPTS);
    expect(statuses.filter((s) => s === 400)).toHaveLength(Officer.FREE_SIGN_IN_ATTEMPTS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - Officer.FREE_SIGN_IN_ATTEMPTS);
  });

  it("slows down the source that fails, not the officer signing in from elsewhere", async () => {
    for (let i = 0; i < 6; i++) await login("80010001", "tebakan", "198.51.100.9");
    const attacker = await login("80010001", DEMO_PASSWORD, "198.51.100.9");
    expect(attacker.status).toBe(429);
    expect(Number(attacker.headers.get("Retry-After"))).toBeGreaterThan(0);
    // The duty desk, from its own address, gets in at once with the right password.
    expect((await login("80010001", DEMO_PASSWORD, "192.0.2.44")).status).toBe(200);
  });

  it("past the NRP's ceiling, each source gets one attempt and then waits; the owner still gets in", async () => {
    const nrp = "80010004";
    for (let i = 0; i < Officer.NRP_FAILURE_CEILING.failures; i++) {
      expect((await login(nrp, "tebakan", `10.9.${i}.1`)).status).toBe(400);
    }
    expect((await login(nrp, "tebakan", "10.99.0.1")).status).toBe(400);
    const again = await login(nrp, "tebakan", "10.99.0.1");
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("Retry-After"))).toBeLessThanOrEqual(2);
    expect((await login(nrp, DEMO_PASSWORD, "192.0.2.80")).status).toBe(200);
  });

  it("holding the password does not buy more code guesses: only a finished sign-in starts afresh", async () => {
    const nrp = "80010005";
    const from = "203.0.113.50";
    const totp = async (session: string) =>
      (
        await app.request("/api/auth/totp", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Forwarded-For": `${from}, 130.176.0.1` },
          body: JSON.stringify({ nrp, session, code: "000000" }),
        })
      ).status;
    const { session } = (await (await login(nrp, DEMO_PASSWORD, from)).json()) as { session: string };
    tried = 0;
    expect([await totp(session), await totp(session), await totp(session)]).toEqual([400, 400, 429]);
    // Once the wait is over, the right password again is answered, but it starts nothing afresh: the
    // next guess waits longer still, and never reaches the check.
    await new Promise((r) => setTimeout(r, 1100));
    const again = await login(nrp, DEMO_PASSWORD, from);
    expect(again.status).toBe(200);
    expect(await totp(((await again.json()) as { session: string }).session)).toBe(429);
    // The two guesses and the second password were checked; the guesses after them were not.
    expect(tried).toBe(3);
  });

  it("keeps no raw address in the table", async () => {
    const { ScanCommand } = await import("@aws-sdk/lib-dynamodb");
    const { Items = [] } = await deps.client.send(new ScanCommand({ TableName: deps.tableName }));
    const dump = JSON.stringify(Items);
    for (const address of ["203.0.113.7", "198.51.100.9", "192.0.2.44", "10.99.0.1"]) {
      expect(dump).not.toContain(address);
    }
  });
});
