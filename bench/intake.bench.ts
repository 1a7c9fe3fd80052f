/**
 * Intake throughput and latency: `POST /api/reports` through the real local app (Hono on
 * @hono/node-server, DynamoDB Local in memory), against the raw rate of the TransactWriteItems behind it
 * (report + tracking-code claim + idempotency record: ReportStore.create) sent straight to the same
 * DynamoDB Local. Target in the issue: API req/s ≥ 0.6 × raw writes/s.
 *
 * Phases, after a warm-up of each (the JVM under DynamoDB Local needs it):
 *   api     autocannon in a child process, BENCH_CONNECTIONS connections, a fresh Idempotency-Key each.
 *   raw     BENCH_CONNECTIONS workers in this process calling store.create(...) in a closed loop.
 *   submit  (diagnostic) the same workers making the route's storage calls without HTTP:
 *           Report.submit (consistent idempotency read + the transaction) and Evidence.openUploads.
 *
 * The runtime's alert pipeline (DynamoDB stream poller -> report-events -> SNS) is paused once started:
 * it would process each new report in the background, on the same CPU and DynamoDB Local, in whichever
 * phase it catches up, while in AWS it is a separate Lambda. BENCH_ALERTS=1 keeps it running.
 * Each phase also counts the DynamoDB commands sent per operation (outside calls show as "background").
 *
 * Env: BENCH_SECONDS (20) per measured phase, BENCH_WARMUP_SECONDS (min(5, BENCH_SECONDS / 4)),
 * BENCH_CONNECTIONS (10), BENCH_ALERTS (unset: paused).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { serve } from "@hono/node-server";
import { Evidence, Idempotency, Report } from "@lapora/core";
import { freePort } from "@lapora/local/emulators/ports";
import { startRuntime } from "@lapora/local/runtime";
import { createLocalApp } from "@lapora/local/server";
import { validReport } from "@lapora/testkit";
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
  /**
   * DynamoDB commands the runtime's client sent for the operations, per successful one (undefined: not
   * counted); the by-command breakdown also shows "background" calls (event wiring) in the phase.
   */
  dynamoCallsPerOp: number | undefined;
  dynamoCallsByCommandPerOp: Record<string, number>;
}

/** Marks the work of a measured operation (an HTTP request or a loop iteration), to tell it from background work. */
const inOperation = new AsyncLocalStorage<true>();

/** DynamoDB commands sent by the runtime's document client so far, by command name; "background" if outside an operation. */
const dynamoCalls = new Map<string, number>();

/**
 * Counts every command the runtime's document client sends, so each phase can report its DynamoDB round
 * trips per operation: a number no machine load can skew. Returns false when the client is not reachable.
 */
function countDynamoCalls(deps: object): boolean {
  const client = (deps as { client?: Partial<DynamoDBDocumentClient> }).client;
  if (!client?.middlewareStack) return false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = inOperation.getStore()
        ? (context.commandName ?? "unknown").replace(/Command$/, "")
        : "background";
      dynamoCalls.set(name, (dynamoCalls.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: "initialize", name: "benchCountCalls" },
  );
  return true;
}

/** Samples CPU time of this process, DynamoDB Local's JVM and (optionally) the load generator, and calls. */
function phaseProbe(javaPid: number | undefined) {
  const self0 = selfCpuMs();
  const java0 = javaPid === undefined ? undefined : cpuMsOf(javaPid);
  const calls0 = new Map(dynamoCalls);
  const t0 = performance.now();
  // `sent` counts operations that reached the server, finished or not: the fair divisor for calls.
  return (ok: number, extra: Record<string, number> = {}, sent = ok) => {
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
    const calls = [...dynamoCalls]
      .map(([k, n]) => [k, n - (calls0.get(k) ?? 0)] as const)
      .filter(([, n]) => n > 0);
    const total = calls.reduce((sum, [k, n]) => (k === "background" ? sum : sum + n), 0);
    return {
      cpuMsPerOp: perOp,
      coresBusy: round(known.reduce((sum, v) => sum + v, 0) / wallMs, 2),
      dynamoCallsPerOp: sent === 0 || total === 0 ? undefined : round(total / sent, 2),
      dynamoCallsByCommandPerOp: Object.fromEntries(
        calls.map(([k, n]) => [k, sent === 0 ? 0 : round(n / sent, 2)]),
      ),
    };
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
  const cpu = phaseProbe(javaPid);
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        try {
          const outcome = await inOperation.run(true, op);
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
  const cpu = phaseProbe(javaPid);
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
    // Requests still in flight when autocannon stops are sent (and reach DynamoDB) but not counted as 2xx.
    ...cpu(ok, { loadGenerator: loadGeneratorCpuMs }, result.requests.sent),
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
  const keepAlerts = process.env.BENCH_ALERTS === "1";

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
  // Each request from its own address (lib/http-load.ts), as a district's reports come from many phones.
  const app = createLocalApp(runtime.deps, resolve(repoRoot, "packages/web/dist"), runtime.issuer, {
    trustProxy: true,
  });
  const server = serve({
    fetch: (request, env) => inOperation.run(true, () => app.fetch(request, env)),
    port,
    hostname: "127.0.0.1",
  });
  try {
    await new Promise<void>((r, reject) => {
      server.once("listening", () => r());
      server.once("error", reject);
    });
    const url = `${options.publicUrl}/api/reports`;
    const javaPid = childPids("java")[0];
    if (!keepAlerts) {
      await runtime.alerts.stop();
      console.log("alert pipeline (stream poller, escalation timer) paused; BENCH_ALERTS=1 keeps it running");
    }
    const counting = countDynamoCalls(runtime.deps);
    if (!counting) console.warn("runtime.deps.client not found: DynamoDB calls per op are not counted");

    const bodyObject = validReport();
    const body = JSON.stringify(bodyObject);
    // The form's trap fields travel beside the report's own (Report.intake splits them off).
    const { form: _form, ...fields } = bodyObject;
    const parsed = Report.parseReportInput(fields);
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
    // The storage calls of the route (packages/functions/src/api/routes/reports.ts) without HTTP: submit
    // (idempotency read + the transaction), then the photo-upload capability every new report gets.
    const submit = async () => {
      const { receipt, replayed } = await Report.submit(store, input, {
        idempotency: { key: `report:bench-${randomUUID()}`, requestHash },
      });
      await Evidence.openUploads(runtime.deps.evidence, receipt, []);
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
      `submit: Report.submit + Evidence.openUploads (the route's storage calls, no HTTP), ${connections} workers, ${seconds} s`,
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
          "DynamoDB calls/op",
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
          r.dynamoCallsPerOp,
          r.cpuMsPerOp.node,
          r.cpuMsPerOp.dynamodbLocal,
          r.coresBusy,
        ]),
        [undefined, 1, 0, 0, 1, 1, 2, 2, 2, 2],
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
      dynamoCallsPerOp: r.dynamoCallsPerOp,
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
      config: { seconds, warmupSeconds, connections, alertPipeline: keepAlerts ? "running" : "paused" },
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
