import { Officer } from "@lapora/core";
import { createLocalIssuer } from "@lapora/local/auth/issuer";
import { checkTotp, totpCode } from "@lapora/local/auth/totp";
import { LOCAL_AUDIENCE } from "@lapora/local/runtime";
import { DEMO_OFFICERS, DEMO_TOTP_SECRETS, seedDemoOfficers } from "@lapora/local/seed";
import { createLocalApp } from "@lapora/local/server";
import { createTestDeps } from "@lapora/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createChallengeSessions } from "../src/auth/challenge-session";
import { createLocalSignIn } from "../src/auth/credentials";

// The local issuer's TOTP, which stands in for Cognito's software-token MFA, and the `/dev/totp` page that
// shows the demo officers' codes, against DynamoDB Local.

const period = Officer.TOTP.periodSeconds * 1000;
const SECRET = DEMO_TOTP_SECRETS["80010001"] ?? "";

describe("the local issuer's codes (RFC 6238: SHA-1, 6 digits, 30 s)", () => {
  it("matches RFC 6238's own test vector", () => {
    // Appendix B: the ASCII key "12345678901234567890" at 59 s gives 94287082 (8 digits); 6 digits: 287082.
    expect(totpCode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59_000)).toBe("287082");
  });

  it("accepts the code of this step and of one step either side, and nothing further", () => {
    const now = Date.now();
    for (const steps of [-1, 0, 1])
      expect(checkTotp(SECRET, totpCode(SECRET, now + steps * period), now)).toBe(true);
    for (const steps of [-3, -2, 2])
      expect(checkTotp(SECRET, totpCode(SECRET, now + steps * period), now)).toBe(false);
  });

  it("keeps a sign-in open for SIGN_IN_SESSION_MINUTES, and refuses a tampered or foreign session", () => {
    const sessions = createChallengeSessions();
    const now = Date.now();
    const sealed = sessions.seal({ username: "80010001", step: "setup", secret: "ABC" }, now);
    expect(sessions.open(sealed, now + 60_000)).toEqual({
      username: "80010001",
      step: "setup",
      secret: "ABC",
    });
    expect(sessions.open(sealed, now + Officer.SIGN_IN_SESSION_MINUTES * 60_000)).toBeUndefined();
    const [body, tag] = sealed.split(".");
    const forged = Buffer.from(
      JSON.stringify({ username: "80010001", step: "setup", secret: "MINE", expiresAt: now + 60_000 }),
    ).toString("base64url");
    expect(sessions.open(`${forged}.${tag}`, now)).toBeUndefined();
    expect(sessions.open(`${body}.${tag}`, now)).toBeDefined();
    expect(createChallengeSessions().open(sealed, now)).toBeUndefined();
  });
});

describe("the seeded demo officers", () => {
  let deps: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    deps = await createTestDeps();
  });

  it("come already enrolled with their fixed secrets: the password leads to the code", async () => {
    for (const { nrp } of DEMO_OFFICERS)
      expect(await deps.localDirectory.totpSecretOf(nrp)).toBe(DEMO_TOTP_SECRETS[nrp]);
    expect((await deps.signIn.signIn("80010002", "lapora-demo")).kind).toBe("totp_required");
  });

  it("kept from a start before TOTP (no secret), are enrolled by the next start", async () => {
    const old = await createTestDeps({ seed: false });
    const input = DEMO_OFFICERS[0];
    if (!input) throw new Error("no demo officers");
    await Officer.Roster.add(
      old.officers,
      old.localDirectory,
      { nrp: "seed", role: "admin" },
      Officer.Roster.parseInput(input),
    );
    await old.localDirectory.setPassword(input.nrp, "lapora-demo");
    expect(await old.localDirectory.totpSecretOf(input.nrp)).toBeUndefined();
    await seedDemoOfficers(old.officers, old.localDirectory);
    expect(await old.localDirectory.totpSecretOf(input.nrp)).toBe(DEMO_TOTP_SECRETS[input.nrp]);
  });

  it("a sign-in in progress ends with a restart of the local runtime (a new session key)", async () => {
    const issuer = await createLocalIssuer({ issuer: "http://lapora.test/auth", audience: LOCAL_AUDIENCE });
    const before = createLocalSignIn(deps.client, deps.tableName, issuer);
    const after = createLocalSignIn(deps.client, deps.tableName, issuer);
    const started = await before.signIn("80010003", "lapora-demo");
    if (started.kind !== "totp_required") throw new Error(started.kind);
    const code = totpCode(DEMO_TOTP_SECRETS["80010003"] ?? "");
    expect(await after.answerTotp("80010003", started.session, code)).toEqual({ kind: "expired" });
    expect((await before.answerTotp("80010003", started.session, code)).kind).toBe("ok");
  });

  it("/dev/totp shows each officer's current code, refreshes when it changes, and runs no script", async () => {
    const app = createLocalApp(deps, "/nonexistent", deps.issuer, {
      totp: { secretOf: (nrp) => deps.localDirectory.totpSecretOf(nrp) },
    });
    const listed = (await (await app.request("/dev/totp.json")).json()) as {
      secondsLeft: number;
      officers: { nrp: string; code: string | null }[];
    };
    expect(listed.officers.map((o) => o.nrp).sort()).toEqual(DEMO_OFFICERS.map((o) => o.nrp).sort());
    for (const { nrp, code } of listed.officers)
      expect(checkTotp(DEMO_TOTP_SECRETS[nrp] ?? "", code ?? "")).toBe(true);
    expect(listed.secondsLeft).toBeGreaterThanOrEqual(1);
    expect(listed.secondsLeft).toBeLessThanOrEqual(30);

    const res = await app.request("/dev/totp");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toMatch(/<meta http-equiv="refresh" content="([1-9]|[12]\d|30)">/);
    expect(html).not.toMatch(/<script|style=/);
    const shown = /data-nrp="80010004">(\d{6})</.exec(html)?.[1];
    expect(checkTotp(DEMO_TOTP_SECRETS["80010004"] ?? "", shown ?? "")).toBe(true);
  });
});
