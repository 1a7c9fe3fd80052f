// Cold-start probe for bench/cold-start.bench.ts, run in a fresh `node` per sample and kept plain
// JavaScript so no loader (tsx) adds to what it measures. Prints one JSON line:
//   importMs   module initialisation: performance.now() around `await import(bundle)`
//   readyMs    process start (performance time origin) to the same point
//   lazyMs     then, the chunks named after the bundle (what a split build loads with import() on first
//              use), imported together: the cost the first request that needs them pays once
import { pathToFileURL } from "node:url";

const [bundle, ...lazyChunks] = process.argv.slice(2);
if (!bundle) throw new Error("usage: node import-timer.mjs <bundle.mjs> [chunk.mjs ...]");
const before = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const after = performance.now();
if (typeof mod.handler !== "function") throw new Error(`${bundle} exports no handler function`);
await Promise.all(lazyChunks.map((chunk) => import(pathToFileURL(chunk).href)));
const lazyMs = performance.now() - after;
process.stdout.write(`${JSON.stringify({ importMs: after - before, readyMs: after, lazyMs })}\n`);
