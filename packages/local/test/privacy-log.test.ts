import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@lapora/local/emulators/ports";
import { validReport } from "@lapora/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { startNpmStart } from "./npm-start";

// A whole report's life through `npm start`'s entry point (the real runtime: emulators, stream poller,
// push and SMS stand-ins, the retention job), then a grep of everything it printed for what a reporter
// gave: no log line may carry her name, phone numbers, coordinates, description, secret or words.

const dataDir = mkdtempSync(join(tmpdir(), "lapora-privacy-"));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

const NAME = "Kartini Wulandari";
const PHONE = "0813 5555 0199";
const SAFE = "0813 5555 0198";
const LOCATION = { lat: -2.87654, lon: 103.84321 };
const DESCRIPTION = "Suami saya mengancam dengan parang di dapur rumah kami.";
const REPLY = "Saya mengungsi ke rumah bibi di desa sebelah.";
const COMMENT = "Petugas belum datang sama sekali ke lokasi.";

async function start(port: number) {
  const started = await startNpmStart(port, dataDir);
  child = started.child;
  return started;
}

describe("the runtime's log", () => {
  it("carries nothing a reporter gave, through a whole report's life", async () => {
    const { url, output } = await start(await freePort());
    const json = async (res: Response) => {
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify(body),
      });

    const receipt = await json(
      await post(
        "/api/reports",
        validReport({
          category: "kdrt",
          happeningNow: true,
          description: DESCRIPTION,
          location: LOCATION,
          reporter: {
            anonymous: false,
            name: NAME,
            phone: PHONE,
            smsUpdates: true,
            preferences: { sms: true, calls: true, callFrom: "09:00", callTo: "15:00", safePhone: SAFE },
          },
          form: { website: "", fillSeconds: 60 },
        }),
        { "Idempotency-Key": "privacy-log-0001" },
      ),
    );
    const code = String(receipt.trackingCode);
    const id = String(receipt.id);
    const secret = String(receipt.reporterSecret);
    const reporter = { "Reporter-Secret": secret };

    // A bad body and a wrong secret are logged too: neither may echo what was sent.
    expect(
      (
        await post("/api/reports", {
          ...validReport(),
          reporter: { anonymous: false, name: NAME, phone: "0813" },
        })
      ).status,
    ).toBe(400);
    const wrong = await fetch(`${url}/api/reports/track/${code}/reporter`, {
      headers: { "Reporter-Secret": "X" },
    });
    expect([400, 401]).toContain(wrong.status);

    // The demo officer signs in as the README says: the password, then the code /dev/totp shows.
    const { session } = await json(
      await post("/api/auth/login", { nrp: "80010001", password: "lapora-demo" }),
    );
    const codes = (await json(await fetch(`${url}/dev/totp.json`))) as {
      officers: { nrp: string; code: string | null }[];
    };
    const totp = codes.officers.find((o) => o.nrp === "80010001")?.code;
    const { idToken } = await json(await post("/api/auth/totp", { nrp: "80010001", session, code: totp }));
    const officer = { Authorization: `Bearer ${idToken}` };
    const detail = await json(await fetch(`${url}/api/officer/reports/${id}`, { headers: officer }));
    expect((detail.reporter as { name?: string }).name).toBe(NAME);
    const act = async (command: Record<string, unknown>) => {
      const now = await json(await fetch(`${url}/api/officer/reports/${id}`, { headers: officer }));
      await json(
        await post(`/api/officer/reports/${id}/actions`, { ...command, version: now.version }, officer),
      );
    };
    await act({ action: "verify" });
    await json(await post(`/api/officer/reports/${id}/thread`, { text: "Di mana Ibu sekarang?" }, officer));
    await json(await post(`/api/reports/track/${code}/reporter/messages`, { text: REPLY }, reporter));
    await act({ action: "start" });
    await act({ action: "resolve", note: "Pelaku diamankan." });
    await json(
      await post(
        `/api/reports/track/${code}/reporter/say`,
        { satisfied: false, rating: 1, comment: COMMENT },
        reporter,
      ),
    );
    await json(await post(`/api/reports/track/${code}/reporter/erase-contact`, {}, reporter));
    expect((await json(await post("/dev/retention/run?days=1", {}))).erased).toBe(0);

    // The stream poller has alerted the officers (push) and queued her SMS update: wait for both.
    const shortCode = code.replace(/^LPR-/, "").replaceAll("-", "");
    for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      const push = await (await fetch(`${url}/dev/push.json`)).text();
      if (push.includes(shortCode)) break;
    }
    expect(await (await fetch(`${url}/dev/push.json`)).text()).toContain(shortCode);

    child?.kill("SIGINT");
    await new Promise((r) => child?.once("exit", r));
    const log = output();
    // The access log has a line per API request (as API Gateway's in AWS), so the grep reads them all.
    expect(log).toContain(`"path":"/api/reports/track/${code}/reporter/erase-contact","status":200`);
    expect(log).toMatch(/"path":"\/api\/reports","status":400/);
    const forbidden = [
      NAME,
      "Kartini",
      PHONE,
      "81355550199",
      "81355550198",
      String(LOCATION.lat),
      String(LOCATION.lon),
      DESCRIPTION.slice(0, 30),
      "parang",
      REPLY.slice(0, 25),
      COMMENT.slice(0, 25),
      secret,
    ];
    expect(forbidden.filter((f) => log.includes(f))).toEqual([]);
  });
});
