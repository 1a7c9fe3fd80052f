/**
 * A flood of the public door, locally: what it costs (SMS) and what it does to everyone else. Everything
 * `npm start` runs, with core's production limits (REPORT_LIMITS) and LAPORA_TRUST_PROXY's behaviour, so
 * each client is the address it sends in X-Forwarded-For, as CloudFront passes it.
 *
 * Three phases of BENCH_FLOOD_SECONDS (30) each, all with:
 *   - a second source: a busy village behind one carrier address (CGNAT), one report per second, each
 *     from another resident's phone (its own device token), as the web app sends it;
 *   - an officer (SPKT) loading the urgent queue every 2 s.
 * Phase `baseline` has no flood. In `flood` one more source sends BENCH_FLOOD_REPORTS (300) darurat
 * reports in the phase, as a script does: straight at the API, without the web app's form. In
 * `mimicFlood` the script copies the web app exactly (a filled-in form, a fresh device token per report):
 * the worst case, which only the address's limits stop.
 *
 * The daily SMS budget is lifted: it is a second defence, and would otherwise hide what the limits by source
 * let through. SMS are counted in the officers' local inboxes after the stream has drained (a sentinel report's SMS
 * arrives; the stream is read in order), and the every-minute job is run once at the end of each phase,
 * so the held-darurat summary to SPKT is counted too.
 *
 * Env: BENCH_FLOOD_SECONDS (30), BENCH_FLOOD_REPORTS (300).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { Alert, DEVICE_HEADER, REPORT_LIMITS } from "@lapora/core";
import { freePort } from "@lapora/local/emulators/ports";
import { startRuntime } from "@lapora/local/runtime";
import { createLocalApp } from "@lapora/local/server";
import { validReport } from "@lapora/testkit";
import { envNumber, quantile, round } from "./lib/stats";

const repoRoot = resolve(import.meta.dirname, "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const OFFICERS = ["80010001", "80010002", "80010003", "80010004", "80010005", "80010006"];
const DARURAT = { category: "pencurian", happeningNow: true, kecamatan: "16.06.01", desa: "16.06.01.1011" };
const device = () => randomBytes(16).toString("base64url");
const codeOf = (trackingCode: string) => trackingCode.replace(/^LPR-/, "").replaceAll("-", "");

interface Timed {
  status: number;
  ms: number;
  /** `review`: accepted but held for SPKT (past a soft limit): no alert, so no success for a resident. */
  notice?: string;
}
const latency = (xs: Timed[]) => ({
  p50: round(
    quantile(
      xs.map((x) => x.ms),
      0.5,
    ),
    1,
  ),
  p99: round(
    quantile(
      xs.map((x) => x.ms),
      0.99,
    ),
    1,
  ),
});

export async function run(): Promise<Record<string, unknown>> {
  const seconds = envNumber("BENCH_FLOOD_SECONDS", 30);
  const floodReports = Math.round(envNumber("BENCH_FLOOD_REPORTS", 300));
  const tmp = mkdtempSync(join(tmpdir(), "lapora-bench-flood-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const runtime = await startRuntime({
    s3Directory: join(tmp, "s3"),
    tableName: "lapora-bench-flood",
    bucketName: "lapora-bench-flood-evidence",
    topicName: "lapora-bench-flood-alerts",
    publicUrl: url,
    reportLimits: REPORT_LIMITS,
    // The daily SMS budget would hide what the flood costs (and starve the drain's sentinel): lift it,
    // so the count is what the limits by source alone let through.
    smsPolicy: { ...Alert.SMS_POLICY, dailyBudget: 1_000_000 },
  });
  const app = createLocalApp(runtime.deps, resolve(repoRoot, "packages/web/dist"), runtime.issuer, {
    smsInbox: runtime.alerts.inbox,
    trustProxy: true,
  });
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  let addresses = 0;
  let spktToken = "";

  const post = async (address: string, body: unknown, headers: Record<string, string> = {}) => {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Forwarded-For": address, ...headers },
      body: JSON.stringify(body),
    });
    const receipt =
      res.status === 201 ? ((await res.json()) as { trackingCode: string; notice?: string }) : undefined;
    if (!receipt) await res.arrayBuffer();
    return {
      status: res.status,
      ms: performance.now() - t0,
      trackingCode: receipt?.trackingCode,
      code: receipt && codeOf(receipt.trackingCode),
      ...(receipt?.notice ? { notice: receipt.notice } : {}),
    };
  };
  const smsCount = (codes: ReadonlySet<string>) =>
    OFFICERS.flatMap((nrp) => runtime.alerts.inbox.messagesOf(nrp)).filter((m) => {
      const code = /\/konsol\/laporan\/(\w+)$/.exec(m.text)?.[1];
      return code !== undefined && codes.has(code);
    }).length;
  const summaries = () =>
    runtime.alerts.inbox.messagesOf("80010001").filter((m) => m.text.includes("ditahan")).length;
  /** Waits until a clean sedang report's SMS has arrived: everything written before it has been sent. */
  const drain = async () => {
    const r = await post(`192.0.2.${200 + (addresses++ % 50)}`, validReport({ desa: "16.06.01.1011" }));
    const code = new Set([r.code ?? ""]);
    const end = Date.now() + 60_000;
    while (smsCount(code) === 0 && Date.now() < end) await sleep(100);
  };

  async function phase(flood: "none" | "script" | "mimic") {
    const floodAddress = `203.0.113.${++addresses}`;
    const villageAddress = `100.64.0.${addresses}`;
    const end = performance.now() + seconds * 1000;
    const village: Timed[] = [];
    const officer: Timed[] = [];
    const floodResults: { status: number; code: string | undefined; trackingCode: string | undefined }[] = [];
    const summariesBefore = summaries();

    const villageLoop = (async () => {
      while (performance.now() < end) {
        const next = performance.now() + 1000;
        village.push(await post(villageAddress, validReport(), { [DEVICE_HEADER]: device() }));
        await sleep(Math.max(0, next - performance.now()));
      }
    })();
    const officerLoop = (async () => {
      while (performance.now() < end) {
        const next = performance.now() + 2000;
        const t0 = performance.now();
        const res = await fetch(`${url}/api/officer/reports?sort=urgent&limit=25`, {
          headers: { authorization: `Bearer ${spktToken}` },
        });
        await res.arrayBuffer();
        officer.push({ status: res.status, ms: performance.now() - t0 });
        await sleep(Math.max(0, next - performance.now()));
      }
    })();
    const floodLoop = (async () => {
      if (flood === "none") return;
      const gap = (seconds * 1000) / floodReports;
      const sent: Promise<void>[] = [];
      for (let i = 0; i < floodReports; i++) {
        const at = performance.now();
        const body = flood === "script" ? validReport({ ...DARURAT, form: undefined }) : validReport(DARURAT);
        const headers: Record<string, string> = flood === "mimic" ? { [DEVICE_HEADER]: device() } : {};
        sent.push(post(floodAddress, body, headers).then((r) => void floodResults.push(r)));
        await sleep(Math.max(0, at + gap - performance.now()));
      }
      await Promise.all(sent);
    })();
    await Promise.all([villageLoop, officerLoop, floodLoop]);
    // The every-minute job, once: it sums up held darurat reports for SPKT.
    await runtime.alerts.escalate();
    await drain();
    const floodCodes = new Set(floodResults.flatMap((r) => (r.code ? [r.code] : [])));
    // A 201 may be held (quarantine) without saying so (a bot trap): the stored report tells.
    let floodHeld = 0;
    for (const r of floodResults) {
      if (!r.trackingCode) continue;
      if ((await runtime.deps.reports.getByTrackingCode(r.trackingCode))?.heldReason) floodHeld++;
    }
    const alerting = (v: Timed) => v.status === 201 && v.notice === undefined;
    return {
      village: {
        sent: village.length,
        // Success is a report that alerts its officers: a 201 held for review is not one.
        successRate: round(village.filter(alerting).length / Math.max(1, village.length), 3),
        heldForReview: village.filter((v) => v.status === 201 && v.notice === "review").length,
        ...latency(village),
      },
      officer: {
        loads: officer.length,
        successRate: round(officer.filter((o) => o.status === 200).length / Math.max(1, officer.length), 3),
        ...latency(officer),
      },
      flood: {
        sent: floodResults.length,
        accepted: floodResults.filter((r) => r.status === 201).length,
        acceptedButHeld: floodHeld,
        acceptedAndAlerting: floodResults.filter((r) => r.status === 201).length - floodHeld,
        refused429: floodResults.filter((r) => r.status === 429).length,
        other: floodResults.filter((r) => r.status !== 201 && r.status !== 429).length,
        smsFromFloodReports: smsCount(floodCodes),
        heldDaruratSummariesToSpkt: summaries() - summariesBefore,
      },
    };
  }

  try {
    await new Promise<void>((r, reject) => {
      server.once("listening", () => r());
      server.once("error", reject);
    });
    spktToken = await runtime.issuer.sign("80010001");
    console.log("warm-up: 10 reports");
    for (let i = 0; i < 10; i++) await post(`192.0.2.${i + 1}`, validReport());
    await drain();
    console.log(`baseline: ${seconds} s, no flood`);
    const baseline = await phase("none");
    console.log(`flood: ${floodReports} reports in ${seconds} s from one address, as a script sends them`);
    const flood = await phase("script");
    console.log(`mimicFlood: ${floodReports} reports in ${seconds} s, copying the web app`);
    const mimicFlood = await phase("mimic");
    const ratio = (a: number, b: number) => round(a / b, 2);
    const result = {
      villageP99VsBaseline: {
        flood: ratio(flood.village.p99, baseline.village.p99),
        mimicFlood: ratio(mimicFlood.village.p99, baseline.village.p99),
      },
      officerP99VsBaseline: {
        flood: ratio(flood.officer.p99, baseline.officer.p99),
        mimicFlood: ratio(mimicFlood.officer.p99, baseline.officer.p99),
      },
      details: { phases: { baseline, flood, mimicFlood } },
      config: { seconds, floodReports, limits: REPORT_LIMITS },
    };
    console.log(JSON.stringify({ ...result, details: undefined }, null, 2));
    for (const [name, p] of Object.entries({ baseline, flood, mimicFlood }))
      console.log(name, JSON.stringify(p));
    return result;
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await runtime.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
