/**
 * Report to SMS, locally: the time from `POST /api/reports` to the alert appearing in the officers' local
 * inboxes, through everything `npm start` runs: the API writes the report, the DynamoDB Local stream is
 * polled (every 250 ms, as Lambda polls a shard four times a second), report-events claims the alert and
 * publishes it to fauxqs, fauxqs applies each officer's FilterPolicy, and the inbox reads the queue.
 *
 * Each report is a theft in progress in Soak Baru (darurat), so it reaches three officers: the desa's
 * Bhabinkamtibmas, the Kapolsek of Sekayu and SPKT. Reports are sent one after another at a steady pace
 * (open loop), as a district sends them, not as a load test.
 *
 * Env: BENCH_SMS_REPORTS (200), BENCH_SMS_INTERVAL_MS (100) between report starts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { freePort } from "@lapora/local/emulators/ports";
import { startRuntime } from "@lapora/local/runtime";
import { createLocalApp } from "@lapora/local/server";
import { validReport } from "@lapora/testkit";
import { envNumber, quantile, round } from "./lib/stats";

const repoRoot = resolve(import.meta.dirname, "..");
const RECIPIENTS = { bhabinkamtibmas: "80010002", kapolsek: "80010004", spkt: "80010001" } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const summary = (values: number[]) => ({
  p50: round(quantile(values, 0.5), 0),
  p99: round(quantile(values, 0.99), 0),
  max: round(Math.max(0, ...values), 0),
});

export async function run(): Promise<Record<string, unknown>> {
  const count = Math.round(envNumber("BENCH_SMS_REPORTS", 200));
  const intervalMs = envNumber("BENCH_SMS_INTERVAL_MS", 100);
  const tmp = mkdtempSync(join(tmpdir(), "lapora-bench-sms-"));
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const runtime = await startRuntime({
    s3Directory: join(tmp, "s3"),
    tableName: "lapora-bench-sms",
    bucketName: "lapora-bench-sms-evidence",
    topicName: "lapora-bench-sms-alerts",
    publicUrl,
  });
  // Each report from its own address, as a district's come from many phones (the limits by source are
  // the flood bench's subject).
  const app = createLocalApp(runtime.deps, resolve(repoRoot, "packages/web/dist"), runtime.issuer, {
    smsInbox: runtime.alerts.inbox,
    trustProxy: true,
  });
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  try {
    await new Promise<void>((r, reject) => {
      server.once("listening", () => r());
      server.once("error", reject);
    });
    const body = JSON.stringify(
      validReport({
        category: "pencurian",
        happeningNow: true,
        kecamatan: "16.06.01",
        desa: "16.06.01.1011",
      }),
    );
    const sent = new Map<string, { startedAt: number; postMs: number }>();
    const post = async () => {
      const startedAt = Date.now();
      const t0 = performance.now();
      const res = await fetch(`${publicUrl}/api/reports`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "X-Forwarded-For": `10.1.${sent.size >> 8}.${sent.size & 255}`,
        },
        body,
      });
      if (res.status !== 201)
        throw new Error(`POST /api/reports answered ${res.status}: ${await res.text()}`);
      const { trackingCode } = (await res.json()) as { trackingCode: string };
      sent.set(trackingCode.replace(/^LPR-/, "").replaceAll("-", ""), {
        startedAt,
        postMs: performance.now() - t0,
      });
    };

    console.log("warm-up: 10 reports");
    for (let i = 0; i < 10; i++) await post();
    await sleep(3000);
    sent.clear();

    console.log(`measuring: ${count} reports, one every ${intervalMs} ms, each to 3 officers`);
    const posts: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      posts.push(post());
      await sleep(intervalMs);
    }
    await Promise.all(posts);

    // Arrival times per officer, by the code in each SMS's console link.
    const arrivals = (nrp: string) => {
      const byCode = new Map<string, number>();
      for (const m of runtime.alerts.inbox.messagesOf(nrp)) {
        const code = /\/konsol\/laporan\/(\w+)$/.exec(m.text)?.[1];
        if (code && sent.has(code) && !byCode.has(code)) byCode.set(code, Date.parse(m.receivedAt));
      }
      return byCode;
    };
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && Object.values(RECIPIENTS).some((nrp) => arrivals(nrp).size < sent.size)) {
      await sleep(100);
    }
    const perOfficer = Object.fromEntries(
      Object.entries(RECIPIENTS).map(([role, nrp]) => [role, arrivals(nrp)]),
    );
    const latency = (role: keyof typeof RECIPIENTS) =>
      [...sent].flatMap(([code, s]) => {
        const at = perOfficer[role]?.get(code);
        return at === undefined ? [] : [at - s.startedAt];
      });
    const allThree = [...sent].flatMap(([code, s]) => {
      const times = Object.keys(RECIPIENTS).map((role) => perOfficer[role]?.get(code));
      return times.every((t) => t !== undefined) ? [Math.max(...(times as number[])) - s.startedAt] : [];
    });
    const missing = Object.fromEntries(
      Object.entries(perOfficer).map(([role, m]) => [role, sent.size - m.size]),
    );
    const duplicates = Object.fromEntries(
      Object.entries(RECIPIENTS).map(([role, nrp]) => [
        role,
        runtime.alerts.inbox.messagesOf(nrp).length - (arrivals(nrp).size + 10),
      ]),
    );

    const result = {
      reportToSmsMs: {
        bhabinkamtibmas: summary(latency("bhabinkamtibmas")),
        kapolsek: summary(latency("kapolsek")),
        spkt: summary(latency("spkt")),
        allThreeOfficers: summary(allThree),
      },
      postMs: summary([...sent.values()].map((s) => s.postMs)),
      reports: sent.size,
      missing,
      duplicates,
      config: { reports: count, intervalMs, streamPollMs: 250 },
    };
    console.log(JSON.stringify(result.reportToSmsMs, null, 2));
    return result;
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await runtime.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
