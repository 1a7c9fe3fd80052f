import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "@lapora/local/emulators/ports";
import { readJson, validReport } from "@lapora/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { startNpmStart } from "./npm-start";

const root = resolve(import.meta.dirname, "../../..");
const dataDir = mkdtempSync(join(tmpdir(), "lapora-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = (port: number) => startNpmStart(port, dataDir);

const javaOf = () =>
  spawnSync("pgrep", ["-f", `dbPath ${join(dataDir, "dynamodb")}`], { encoding: "utf8" }).stdout.trim();

describe("npm start", () => {
  it("prints its URL, keeps data across a restart, and Ctrl-C stops every child process", async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.url).toBe(`http://localhost:${port}`);
    expect(javaOf()).not.toBe("");
    const res = await fetch(`${first.url}/api/reports`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(validReport()),
    });
    expect(res.status).toBe(201);
    const { trackingCode } = await readJson(res);
    const page = await fetch(`${first.url}/lacak/${trackingCode}`);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain("<html");
    // Every demo officer has a device on the local push service, and the desa's Bhabinkamtibmas gets the
    // report's notification there, decrypted: /dev/push.json shows it.
    type PushGroups = { officers: { nrp: string; devices: unknown[]; messages: { payload: string }[] }[] };
    const shortCode = String(trackingCode).replace(/^LPR-/, "").replaceAll("-", "");
    let pushes: PushGroups = { officers: [] };
    for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      pushes = (await (await fetch(`${first.url}/dev/push.json`)).json()) as PushGroups;
      if (pushes.officers.some((o) => o.messages.some((m) => m.payload.includes(shortCode)))) break;
    }
    expect(pushes.officers.length).toBeGreaterThanOrEqual(6);
    expect(pushes.officers.every((o) => o.devices.length === 1)).toBe(true);
    expect(pushes.officers.find((o) => o.messages.some((m) => m.payload.includes(shortCode)))?.nrp).toBe(
      "80010002",
    );
    expect((await fetch(`${first.url}/dev/push`)).headers.get("content-type")).toContain("text/html");
    // A newcomer signs in from the README's table: the demo password, then the code /dev/totp shows.
    const post = (path: string, body: unknown) =>
      fetch(`${first.url}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const challenge = await readJson(
      await post("/api/auth/login", { nrp: "80010006", password: "lapora-demo" }),
    );
    expect(challenge.challenge).toBe("totp");
    const codes = await (await fetch(`${first.url}/dev/totp`)).text();
    const totp = /data-nrp="80010006">(\d{6})</.exec(codes)?.[1];
    const signedIn = await post("/api/auth/totp", {
      nrp: "80010006",
      session: challenge.session,
      code: totp,
    });
    expect(signedIn.status).toBe(200);
    expect((await readJson(signedIn)).idToken).toEqual(expect.any(String));

    first.child.kill("SIGINT");
    const code = await new Promise((r) => first.child.once("exit", r));
    expect(code).toBe(0);
    expect(javaOf()).toBe("");

    const second = await start(port);
    const track = await fetch(`${second.url}/api/reports/track/${trackingCode}`);
    expect(track.status).toBe(200);
    expect((await readJson(track)).trackingCode).toBe(trackingCode);
    second.child.kill("SIGINT");
    await new Promise((r) => second.child.once("exit", r));
    expect(javaOf()).toBe("");
  });

  it("explains a missing Java in one sentence instead of a stack trace", () => {
    const node = process.execPath;
    // A PATH with node but no java: the preflight npm start runs first.
    const bin = mkdtempSync(join(tmpdir(), "lapora-nojava-"));
    execFileSync("ln", ["-s", node, join(bin, "node")]);
    const run = spawnSync(join(bin, "node"), ["scripts/preflight.mjs"], {
      cwd: root,
      env: { PATH: bin },
      encoding: "utf8",
    });
    rmSync(bin, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      "DynamoDB Local needs Java 17 or newer: install it (on Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless) and try again.",
    );
  });
});
