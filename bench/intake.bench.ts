/**
 * Intake throughput and latency: `POST /api/reports` through the real local app (Hono on
 * @hono/node-server, DynamoDB Local in memory), against the raw rate of the TransactWriteItems behind it
 * (report + tracking-code claim + idempotency record: ReportStore.create) sent straight to the same
 * DynamoDB Local. Target in the issue: API req/s ≥ 0.6 × raw writes/s.
 *
 * Phases, after a warm-up of each (the JVM under DynamoDB Local needs it):
 *   api     autocannon in a child process, BENCH_CONNECTIONS connections, a fresh Idempotency-Key each.
 *   raw     BENCH_CONNECTIONS workers in this process calling store.create(...) in a closed loop.
 *   submit  (diagnostic) the same workers calling Report.submit(...): the API's storage work without
 *           HTTP, i.e. the consistent idempotency read plus the transaction.
 *
 * Env: BENCH_SECONDS (20) per measured phase, BENCH_WARMUP_SECONDS (min(5, BENCH_SECONDS / 4)),
 * BENCH_CONNECTIONS (10).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { Idempotency, Report } from "@lapora/core";
import { validReport } from "@lapora/functions/api/test-support";
import { freePort } from "@lapora/local/emulators/ports";
import { startRuntime } from "@lapora/local/runtime";
import { createLocalApp } from "@lapora/local/server";
import type { Result as AutocannonResult } from "autocannon";
import { childPids, cpuMsOf, selfCpuMs } from "./lib/proc";
import { envNumber, quantile, round } from "./lib/stats";
import { formatTable } from "./lib/table";

const repoRoot = resolve(import.meta.dirname, "..");
const TARGET_RATIO = 0.6;

interface PhaseResult {
  /** Successful operations (2xx / "created") per second. */
  opsPerSecond: number;
  ok: number;
  failed: number;
  latencyMs: { p50: number; p99: number; average: number; max: number };
  /** CPU milliseconds per successful operation, per process that did work in the phase. */
  cpuMsPerOp: Record<string, number | undefined>;
  /** Total CPU in use during the phase, in cores (the machine has `os.cpus().length`). */
  coresBusy: number | undefined;
}

/** Samples CPU time of this process, DynamoDB Local's JVM and (optionally) the load generator. */
function cpuProbe(javaPid: number | undefined) {
  const self0 = selfCpuMs();
  const java0 = javaPid === undefined ? undefined : cpuMsOf(javaPid);
  const t0 = performance.now();
  return (ok: number, extra: Record<string, number> = {}) => {
    const wallMs = performance.now() - t0;
    const java1 = javaPid === undefined ? undefined : cpuMsOf(javaPid);
    const used: Record<string, number | undefined> = {
      node: selfCpuMs() - self0,
      dynamodbLocal: java0 !== undefined && java1 !== undefined ? java1 - java0 : undefined,
      ...extra,
    };
    const perOp = Object.fromEntries(
      Object.entries(used).map(([k, v]) => [k, v === undefined || ok === 0 ? undefined : round(v / ok, 3)]),
    );
    const known = Object.values(used).filter((v): v is number => v !== undefined);
    return { cpuMsPerOp: perOp, coresBusy: round(known.reduce((s, v) => s + v, 0) / wallMs, 2) };
  };
}

/** `workers` concurrent closed loops of `op` for `seconds`; `op` resolves to an outcome name. */
async function closedLoop(
  workers: number,
  seconds: number,
  javaPid: number | undefined,
  op: () => Promise<string>,
): Promise<PhaseResult & { outcomes: Record<string, number>; firstError?: string }> {
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  const cpu = cpuProbe(javaPid);
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        try {
          const outcome = await op();
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          if (outcome === "created") latencies.push(performance.now() - start);
        } catch (err) {
          errors++;
          firstError ??= String(err);
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const ok = outcomes.created ?? 0;
  return {
    opsPerSecond: round(ok / elapsed, 1),
    ok,
    failed: errors + Object.entries(outcomes).reduce((s, [k, n]) => (k === "created" ? s : s + n), 0),
    latencyMs: {
      p50: round(quantile(latencies, 0.5)),
      p99: round(quantile(latencies, 0.99)),
      average: round(latencies.reduce((s, v) => s + v, 0) / Math.max(1, latencies.length)),
      max: round(Math.max(0, ...latencies)),
    },
    ...cpu(ok),
    outcomes,
    ...(firstError ? { firstError } : {}),
  };
}

/** autocannon against `url` from a child process (see lib/http-load.ts). */
function httpLoad(
  url: string,
  connections: number,
  seconds: number,
  body: string,
): Promise<{ result: AutocannonResult; replayed: number; loadGeneratorCpuMs: number }> {
  const script = join(import.meta.dirname, "lib", "http-load.ts");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", script, JSON.stringify({ url, connections, seconds, body })],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  return new Promise((resolvePromise, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line) return reject(new Error(`autocannon child exited with ${code}: ${out}`));
      resolvePromise(JSON.parse(line));
    });
  });
}

async function apiPhase(
  url: string,
  connections: number,
  seconds: number,
  body: string,
  javaPid: number | undefined,
): Promise<PhaseResult & { non2xx: number; errors: number; timeouts: number; replayed: number }> {
  const cpu = cpuProbe(javaPid);
  const { result, replayed, loadGeneratorCpuMs } = await httpLoad(url, connections, seconds, body);
  const ok = result["2xx"];
  return {
    opsPerSecond: round(ok / result.duration, 1),
    ok,
    failed: result.non2xx + result.errors,
    // autocannon records latency of 2xx responses only, in whole milliseconds.
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      average: result.latency.average,
      max: result.latency.max,
    },
    ...cpu(ok, { loadGenerator: loadGeneratorCpuMs }),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    replayed,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const seconds = envNumber("BENCH_SECONDS", 20);
  const warmupSeconds = envNumber("BENCH_WARMUP_SECONDS", Math.min(5, seconds / 4));
  const connections = Math.round(envNumber("BENCH_CONNECTIONS", 10));

  const tmp = mkdtempSync(join(tmpdir(), "lapora-bench-"));
  // The runtime wants the API's own URL up front (its local token issuer lives there), so pick the port first.
  const port = await freePort();
  const options = {
    s3Directory: join(tmp, "s3"),
    tableName: "lapora-bench",
    bucketName: "lapora-bench-evidence",
    topicName: "lapora-bench-alerts",
    publicUrl: `http://127.0.0.1:${port}`,
  };
  const runtime = await startRuntime(options);
  const app = createLocalApp(runtime.deps, resolve(repoRoot, "packages/web/dist"), runtime.issuer);
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  try {
    await new Promise<void>((r, reject) => {
      server.once("listening", () => r());
      server.once("error", reject);
    });
    const url = `${options.publicUrl}/api/reports`;
    const javaPid = childPids("java")[0];

    const bodyObject = validReport();
    const body = JSON.stringify(bodyObject);
    const parsed = Report.parseReportInput(bodyObject);
    if (!parsed.ok) throw new Error(`validReport() no longer validates: ${JSON.stringify(parsed.issues)}`);
    const input = parsed.value;
    const requestHash = Idempotency.hashRequest(bodyObject);
    const store = runtime.deps.reports;

    // Exactly what Report.submit hands to store.create: the report, its code claim, its idempotency record.
    const rawCreate = () => {
      const at = new Date();
      const report = Report.create(input, at, randomUUID(), Report.TrackingCode.generate());
      return store.create(report, {
        key: `report:bench-${randomUUID()}`,
        requestHash,
        reportId: report.reportId,
        response: {
          id: report.reportId,
          trackingCode: report.trackingCode,
          status: report.status,
          priority: report.priority,
          createdAt: report.createdAt,
        },
        createdAt: report.createdAt,
        expiresAt: Math.floor(at.getTime() / 1000) + Idempotency.IDEMPOTENCY_TTL_SECONDS,
      });
    };
    const submit = async () => {
      const { replayed } = await Report.submit(store, input, {
        idempotency: { key: `report:bench-${randomUUID()}`, requestHash },
      });
      return replayed ? "replayed" : "created";
    };

    // A request the API must accept, before spending the run on it.
    const probe = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "Idempotency-Key": `bench-${randomUUID()}` },
      body,
    });
    if (probe.status !== 201)
      throw new Error(`POST /api/reports answered ${probe.status}: ${await probe.text()}`);

    console.log(`warm-up: ${warmupSeconds} s each of raw, api, submit`);
    await closedLoop(connections, warmupSeconds, javaPid, rawCreate);
    await httpLoad(url, connections, Math.max(1, Math.round(warmupSeconds)), body);
    await closedLoop(connections, warmupSeconds, javaPid, submit);

    console.log(`api: POST /api/reports, ${connections} connections, ${seconds} s (autocannon)`);
    const api = await apiPhase(url, connections, seconds, body, javaPid);
    console.log(`raw: store.create (TransactWriteItems), ${connections} workers, ${seconds} s`);
    const raw = await closedLoop(connections, seconds, javaPid, rawCreate);
    console.log(
      `submit: Report.submit (read + TransactWriteItems, no HTTP), ${connections} workers, ${seconds} s`,
    );
    const service = await closedLoop(connections, seconds, javaPid, submit);

    const ratio = round(api.opsPerSecond / raw.opsPerSecond, 3);
    const rows = [
      ["api  POST /api/reports", api],
      ["raw  TransactWriteItems", raw],
      ["submit  service, no HTTP (diagnostic)", service],
    ] as const;
    console.log(
      `\n${formatTable(
        [
          "phase",
          "ok/s",
          "ok",
          "failed",
          "p50 ms",
          "p99 ms",
          "node CPU ms/op",
          "JVM CPU ms/op",
          "cores busy",
        ],
        rows.map(([name, r]) => [
          name,
          r.opsPerSecond,
          r.ok,
          r.failed,
          r.latencyMs.p50,
          r.latencyMs.p99,
          r.cpuMsPerOp.node,
          r.cpuMsPerOp.dynamodbLocal,
          r.coresBusy,
        ]),
        [undefined, 1, 0, 0, 1, 1, 2, 2, 2],
      )}`,
    );
    console.log(
      `\napi/raw = ${ratio} (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? "met" : "MISSED"}) · ` +
        `submit/raw = ${round(service.opsPerSecond / raw.opsPerSecond, 3)} · ` +
        `api/submit = ${round(api.opsPerSecond / service.opsPerSecond, 3)} · ` +
        `api non-2xx = ${api.non2xx}, errors = ${api.errors}, replays = ${api.replayed}`,
    );
    if (api.cpuMsPerOp.loadGenerator !== undefined) {
      console.log(`autocannon itself used ${api.cpuMsPerOp.loadGenerator} CPU ms per request.`);
    }

    const brief = (r: PhaseResult, extra: Record<string, number> = {}) => ({
      opsPerSecond: r.opsPerSecond,
      ok: r.ok,
      failed: r.failed,
      ...extra,
      p50Ms: r.latencyMs.p50,
      p99Ms: r.latencyMs.p99,
    });
    return {
      phases: {
        api: brief(api, { non2xx: api.non2xx }),
        raw: brief(raw),
        submit: brief(service),
      },
      ratio: {
        apiOverRaw: ratio,
        target: TARGET_RATIO,
        met: ratio >= TARGET_RATIO,
        submitOverRaw: round(service.opsPerSecond / raw.opsPerSecond, 3),
        apiOverSubmit: round(api.opsPerSecond / service.opsPerSecond, 3),
      },
      config: { seconds, warmupSeconds, connections },
      details: { api, raw, submit: service },
    };
  } finally {
    // The probe's keep-alive socket would otherwise hold close() open until it times out.
    (server as Server).closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await runtime.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
