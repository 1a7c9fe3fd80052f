/**
 * What alerts cost: SMS per report with push first, against today's rules (SMS to every officer a report
 * is routed to), in the same run, through everything `npm start` runs (API, DynamoDB Local stream,
 * report-events, the local push service checking VAPID and decrypting, fauxqs for SMS).
 *
 * A realistic mix over BENCH_ALERT_REPORTS (300) reports: 5% darurat, 20% tinggi, 50% sedang, 25% rendah,
 * spread over the demo officers' desa. Phase `today`: no officer has a push device, so every alert goes by
 * SMS, as before push. Phase `pushFirst`: every demo officer has one push device (as `npm start` gives
 * them), and each acknowledges each tinggi alert after a random 0-10 minutes on a simulated clock: the
 * acknowledgements due within the 5-minute window are sent, then the follow-up job runs at +6 minutes.
 * Escalations (15 minutes unverified) are left out of both phases: officers who acknowledge within 10
 * minutes stop them under push, and under today's rules they verify in that time.
 *
 * Env: BENCH_ALERT_REPORTS (300), BENCH_ALERT_INTERVAL_MS (40) between report starts, BENCH_SMS_USD (0.40).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { Alert, type Officer } from "@lapora/core";
import { freePort } from "@lapora/local/emulators/ports";
import { startRuntime } from "@lapora/local/runtime";
import { createLocalApp } from "@lapora/local/server";
import { validReport } from "@lapora/testkit";
import { envNumber, quantile, round } from "./lib/stats";

const repoRoot = resolve(import.meta.dirname, "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PLACES = [
  { kecamatan: "16.06.01", desa: "16.06.01.1011" }, // Soak Baru
  { kecamatan: "16.06.01", desa: "16.06.01.1012" }, // Balai Agung
  { kecamatan: "16.06.09", desa: "16.06.09.1016" }, // Bayung Lencir
];
const MIX = [
  { priority: "darurat", share: 0.05, report: { category: "pencurian", happeningNow: true } },
  { priority: "tinggi", share: 0.2, report: { category: "penganiayaan", happeningNow: false } },
  { priority: "sedang", share: 0.5, report: { category: "pencurian", happeningNow: false } },
  { priority: "rendah", share: 0.25, report: { category: "penipuan", happeningNow: false } },
] as const;

/** A seeded generator, so both phases send the same reports and draw the same delays. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function plan(count: number) {
  const next = random(42);
  const reports: { priority: string; body: Record<string, unknown> }[] = [];
  for (const kind of MIX)
    for (let i = 0; i < Math.round(count * kind.share); i++)
      reports.push({
        priority: kind.priority,
        body: { ...kind.report, ...PLACES[reports.length % PLACES.length] },
      });
  // Shuffled, as a district's come.
  for (let i = reports.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [reports[i], reports[j]] = [
      reports[j] as (typeof reports)[number],
      reports[i] as (typeof reports)[number],
    ];
  }
  return { reports, ackMinutes: () => next() * 10 };
}

const code = (trackingCode: string) => trackingCode.replace(/^LPR-/, "").replaceAll("-", "");

async function phase(name: "today" | "pushFirst", count: number, intervalMs: number) {
  const tmp = mkdtempSync(join(tmpdir(), `lapora-bench-alert-${name}-`));
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const runtime = await startRuntime({
    s3Directory: join(tmp, "s3"),
    tableName: `lapora-bench-alert-${name}`,
    bucketName: `lapora-bench-alert-${name}-evidence`,
    topicName: `lapora-bench-alert-${name}-alerts`,
    publicUrl,
    demoPushDevices: name === "pushFirst",
    // The daily budget would cap both phases at darurat's SMS: the rules are the subject here, not the cap.
    smsPolicy: { ...Alert.SMS_POLICY, dailyBudget: 1_000_000 },
  });
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
    const roster: Officer.Officer[] = (await runtime.deps.officers.list()).filter((o) => o.active);
    const endpointOf = new Map<string, string>();
    for (const o of roster) {
      const [device] = await runtime.deps.pushDevices.list(o.nrp);
      if (device) endpointOf.set(device.endpoint, o.nrp);
    }
    const { reports, ackMinutes } = plan(count);
    const sent: { code: string; id: string; priority: string; startedAt: number; routed: string[] }[] = [];
    const posts: Promise<void>[] = [];
    for (const [i, r] of reports.entries()) {
      posts.push(
        (async () => {
          const startedAt = Date.now();
          const res = await fetch(`${publicUrl}/api/reports`, {
            method: "POST",
            headers: { "content-type": "application/json", "X-Forwarded-For": `10.2.${i >> 8}.${i & 255}` },
            body: JSON.stringify(validReport(r.body)),
          });
          if (res.status !== 201)
            throw new Error(`POST /api/reports answered ${res.status}: ${await res.text()}`);
          const receipt = (await res.json()) as { id: string; trackingCode: string; priority: string };
          const alert = { ...(r.body as { kecamatan: string; desa: string }), kind: "baru" as const };
          const routed = Alert.routeAlert(
            {
              ...alert,
              reportId: receipt.id,
              trackingCode: receipt.trackingCode,
              category: "lainnya",
              priority: receipt.priority as "sedang",
            },
            roster,
          ).map((o) => o.nrp);
          sent.push({
            code: code(receipt.trackingCode),
            id: receipt.id,
            priority: receipt.priority,
            startedAt,
            routed,
          });
        })(),
      );
      await sleep(intervalMs);
    }
    await Promise.all(posts);

    // Pushes: the first arrival per report and officer, by the code in the notification's URL.
    const pushAt = new Map<string, number>();
    const collect = () => {
      for (const p of runtime.push.received()) {
        const nrp = endpointOf.get(p.endpoint);
        const c = /\/konsol\/laporan\/(\w+)/.exec(p.payload)?.[1];
        if (nrp && c && !pushAt.has(`${c}#${nrp}`)) pushAt.set(`${c}#${nrp}`, Date.parse(p.receivedAt));
      }
    };
    const expectedPushes = name === "pushFirst" ? sent.reduce((n, s) => n + s.routed.length, 0) : 0;
    const deadline = Date.now() + 120_000;
    while (pushAt.size < expectedPushes && Date.now() < deadline) {
      collect();
      await sleep(100);
    }
    collect();

    let acks = 0;
    if (name === "pushFirst") {
      // The simulated clock: each routed officer acknowledges each tinggi alert after 0-10 minutes. Those
      // within the 5-minute window are sent before the follow-up job runs at +6 minutes.
      for (const s of sent.filter((x) => x.priority === "tinggi"))
        for (const nrp of s.routed) {
          if (ackMinutes() >= 5) continue;
          const token = await runtime.issuer.sign(nrp);
          const res = await fetch(`${publicUrl}/api/officer/reports/${s.id}/ack`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ via: "notifikasi" }),
          });
          if (res.status !== 200) throw new Error(`ack answered ${res.status}`);
          acks++;
        }
      await runtime.alerts.followUp(new Date(Date.now() + 6 * 60_000));
    }
    // SMS: wait until the inboxes stop growing for 2 s (a bench, not a test).
    const smsCount = () => runtime.alerts.inbox.all().reduce((n, i) => n + i.messages.length, 0);
    let last = -1;
    while (smsCount() !== last) {
      last = smsCount();
      await sleep(2000);
    }
    const smsByCode = new Map<string, number>();
    for (const { messages } of runtime.alerts.inbox.all())
      for (const m of messages) {
        const c = /\/konsol\/laporan\/(\w+)$/.exec(m.text)?.[1];
        if (c) smsByCode.set(c, (smsByCode.get(c) ?? 0) + 1);
      }
    const latencies = sent.flatMap((s) =>
      s.routed.flatMap((nrp) => {
        const at = pushAt.get(`${s.code}#${nrp}`);
        return at === undefined ? [] : [at - s.startedAt];
      }),
    );
    const sms = smsCount();
    return {
      reports: sent.length,
      sms,
      smsPerReport: round(sms / sent.length, 3),
      daruratWithoutSms: sent.filter((s) => s.priority === "darurat" && !smsByCode.get(s.code)).length,
      pushes: pushAt.size,
      pushesMissing: expectedPushes - pushAt.size,
      acknowledgements: acks,
      reportToPushMs:
        latencies.length > 0
          ? { p50: round(quantile(latencies, 0.5), 0), p99: round(quantile(latencies, 0.99), 0) }
          : null,
    };
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await runtime.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const count = Math.round(envNumber("BENCH_ALERT_REPORTS", 300));
  const intervalMs = envNumber("BENCH_ALERT_INTERVAL_MS", 40);
  const usd = envNumber("BENCH_SMS_USD", 0.4);
  console.log(`alert cost: ${count} reports (5% darurat, 20% tinggi, 50% sedang, 25% rendah), two phases`);
  const today = await phase("today", count, intervalMs);
  console.log("today", JSON.stringify(today));
  const pushFirst = await phase("pushFirst", count, intervalMs);
  console.log("pushFirst", JSON.stringify(pushFirst));
  return {
    smsPerReport: { today: today.smsPerReport, pushFirst: pushFirst.smsPerReport },
    usdPer1000Reports: {
      today: round(today.smsPerReport * 1000 * usd, 0),
      pushFirst: round(pushFirst.smsPerReport * 1000 * usd, 0),
    },
    daruratWithoutSms: { today: today.daruratWithoutSms, pushFirst: pushFirst.daruratWithoutSms },
    reportToPushMs: pushFirst.reportToPushMs,
    details: { today, pushFirst, config: { reports: count, intervalMs, usdPerSms: usd } },
  };
}
