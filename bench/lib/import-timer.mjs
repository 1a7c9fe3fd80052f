// Cold-start probe for bench/cold-start.bench.ts, run in a fresh `node` per sample and kept plain
// JavaScript so no loader (tsx) adds to what it measures. Prints one JSON line:
//   importMs   module initialisation: performance.now() around `await import(bundle)`
//   readyMs    process start (performance time origin) to the same point
import { pathToFileURL } from "node:url";

const bundle = process.argv[2];
if (!bundle) throw new Error("usage: node import-timer.mjs <bundle.mjs>");
const before = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const after = performance.now();
if (typeof mod.handler !== "function") throw new Error(`${bundle} exports no handler function`);
process.stdout.write(`${JSON.stringify({ importMs: after - before, readyMs: after })}\n`);
