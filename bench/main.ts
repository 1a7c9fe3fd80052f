/**
 * `npm run bench [-- name ...]`: runs every `bench/*.bench.ts` in name order, or only the named ones
 * (`npm run bench -- intake`). Each module exports `run(): Promise<Record<string, unknown>>`; its numbers
 * are printed as a table and written to `bench/results/<name>.json` (git-ignored).
 *
 * The closing summary shows what a bench returned, except under a top-level `details` key (JSON only):
 * an object of objects (e.g. `{ phases: { api: {...}, raw: {...} } }`) as one table with a row each,
 * everything else as metric/value rows with dotted keys.
 *
 * Durations come from the environment, e.g. `BENCH_SECONDS=3 BENCH_COLD_RUNS=5 npm run bench` for a
 * quick smoke run. Each bench file documents its own variables.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { summaryTables } from "./lib/table";

const SUFFIX = ".bench.ts";
const benchDir = import.meta.dirname;
const resultsDir = join(benchDir, "results");

interface BenchModule {
  run(): Promise<Record<string, unknown>>;
}

// Node 20 is what runs here; the SDK's reminder about it would only add noise to the output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const available = readdirSync(benchDir)
  .filter((f) => f.endsWith(SUFFIX))
  .map((f) => f.slice(0, -SUFFIX.length))
  .sort();

const wanted = process.argv
  .slice(2)
  .filter((a) => a !== "--")
  .map((a) => a.replace(/^.*\//, "").replace(/\.bench(\.ts)?$/, ""));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`Unknown bench: ${unknown.join(", ")}. Available: ${available.join(", ")}.`);
  process.exit(2);
}
const selected = wanted.length > 0 ? available.filter((n) => wanted.includes(n)) : available;

const environment = {
  node: process.versions.node,
  platform: `${process.platform}-${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(totalmem() / 2 ** 30),
};
console.log(
  `Lapora bench: ${selected.join(", ")} · node ${environment.node} · ${environment.cpus}× ${environment.cpuModel}`,
);

mkdirSync(resultsDir, { recursive: true });
const summaries: { name: string; load: string; tables: string[]; error?: string }[] = [];
let failed = false;

for (const name of selected) {
  console.log(`\n=== ${name} ===`);
  // Other work on the machine skews every number here: keep the load next to the results.
  const loadBefore = loadavg()[0] ?? 0;
  if (loadBefore > environment.cpus) {
    console.warn(
      `warning: load average ${loadBefore.toFixed(1)} on ${environment.cpus} CPUs; results will be noisy`,
    );
  }
  const startedAt = new Date();
  const t0 = performance.now();
  let results: Record<string, unknown> | undefined;
  let error: string | undefined;
  try {
    const mod = (await import(pathToFileURL(join(benchDir, `${name}${SUFFIX}`)).href)) as BenchModule;
    if (typeof mod.run !== "function") throw new Error(`${name}${SUFFIX} does not export run()`);
    results = await mod.run();
  } catch (err) {
    failed = true;
    error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`${name} failed: ${error}`);
  }
  const file = join(resultsDir, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        name,
        startedAt: startedAt.toISOString(),
        elapsedSeconds: Math.round((performance.now() - t0) / 100) / 10,
        environment: { ...environment, loadAverage1m: { before: loadBefore, after: loadavg()[0] ?? 0 } },
        ...(error ? { error } : {}),
        results: results ?? null,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`→ ${file}`);
  summaries.push({
    name,
    load: `load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`,
    tables: results ? summaryTables(results) : [],
    ...(error ? { error } : {}),
  });
}

console.log("\n=== Summary ===");
for (const s of summaries) {
  console.log(`\n## ${s.name}${s.error ? " (FAILED)" : ""} (${s.load})`);
  for (const table of s.tables) console.log(`\n${table}`);
}
process.exit(failed ? 1 : 0);
