/**
 * The public form page, as a resident on a weak rural link gets it:
 *   weight      the JS and CSS the browser requests for the form page (the entry and the lazily loaded
 *               schema chunk; not other pages' chunks), gzip -9, from a fresh `npm run build:web`.
 *               Target in the issue: 60 KB or less.
 *   slow-3g     time to usable: from navigation start until the category choices are on screen and
 *               enabled, on Chromium's network emulation (400 kbps down and up, 400 ms latency), cold
 *               (new context, cache disabled) against the local server. The floor is a bare HTML page of
 *               about the same size over the same link. Also when the shared validation schema has arrived.
 *               The server is packages/local as `npm start` runs it, which compresses as CloudFront does.
 *
 * Env: BENCH_WEB_LOADS (7, cold loads per page; median reported; the issue asks for ≥ 5).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { freePort } from "@lapora/local/emulators/ports";
import { startRuntime } from "@lapora/local/runtime";
import { createLocalApp } from "@lapora/local/server";
import { type Browser, chromium } from "playwright-core";
import { envNumber, quantile, round } from "./lib/stats";

const repoRoot = resolve(import.meta.dirname, "..");
const dist = join(repoRoot, "packages/web/dist");
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TARGET_KB = 60;
// Chromium's emulation takes bytes per second: 400 kbit/s = 50,000 B/s.
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

// The floor: what any page costs over this link. Same size class as the app's index.html (~0.8 KB).
const BARE_HTML = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Lapora</title></head><body><main><h1 id="ready">Buat Laporan</h1><p>${"Laporkan kejadian di Kabupaten Musi Banyuasin. ".repeat(12)}</p></main></body></html>`;

// Predicates run in the page. They are functions, not strings: the app's CSP has no 'unsafe-eval'.
// This file is type-checked without the DOM library, hence the few page types spelled out here.
interface PageGlobals {
  document: {
    querySelectorAll(
      selector: string,
    ): ArrayLike<{ disabled: boolean; getClientRects(): { length: number } }>;
    getElementById(id: string): unknown;
  };
  performance: { now(): number; getEntriesByType(type: string): { name: string; responseEnd: number }[] };
}

function formUsable(): number | false {
  const g = globalThis as unknown as PageGlobals;
  const radios = Array.from(g.document.querySelectorAll('input[name="category"]'));
  const ok = radios.length === 13 && radios.every((r) => !r.disabled && r.getClientRects().length > 0);
  return ok && g.performance.now();
}

function bareUsable(): number | false {
  const g = globalThis as unknown as PageGlobals;
  return g.document.getElementById("ready") !== null && g.performance.now();
}

function schemaLoaded(): number | false {
  const g = globalThis as unknown as PageGlobals;
  const entry = g.performance.getEntriesByType("resource").find((r) => /\/schema-[^/]*\.js$/.test(r.name));
  return entry ? entry.responseEnd : false;
}

const gzipKB = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

function buildWeb(): void {
  const r = spawnSync("npm", ["run", "build:web"], { cwd: repoRoot, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm run build:web failed:\n${r.stdout}\n${r.stderr}`);
}

/** The assets of the form page: what index.html references, plus the chunks the page imports lazily. */
/**
 * The form page's weight: the JS and CSS files the browser actually requests to load the form and its
 * lazily loaded schema (other pages' chunks, like the console or Statistik, are not counted), gzipped.
 */
async function pageWeight(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  try {
    const page = await context.newPage();
    const requested = new Set<string>();
    page.on("request", (r) => {
      const path = new URL(r.url()).pathname;
      if (/^\/assets\/.+\.(js|css)$/.test(path)) requested.add(path.slice(1));
    });
    await page.goto(url);
    await page.waitForFunction(schemaLoaded, null, { polling: "raf", timeout: 60_000 });
    const html = readFileSync(join(dist, "index.html"), "utf8");
    const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1] ?? "",
    );
    const files = [...requested].sort();
    const lazy = files.filter((f) => !initial.includes(f));
    const sum = (list: string[]) => list.reduce((n, f) => n + gzipKB(join(dist, f)), 0);
    const total = sum(files);
    return {
      summary: {
        initialKB: round(sum(initial)),
        lazyKB: round(sum(lazy)),
        totalKB: round(total),
        targetKB: TARGET_KB,
        withinTarget: total <= TARGET_KB,
      },
      files: Object.fromEntries(files.map((f) => [f, round(gzipKB(join(dist, f)))])),
    };
  } finally {
    await context.close();
  }
}

async function coldLoad(browser: Browser, url: string, usable: () => number | false) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
    await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    const wait = { polling: "raf", timeout: 60_000 } as const;
    const usableAt = Number(await (await page.waitForFunction(usable, null, wait)).jsonValue());
    if (usable !== formUsable) return { usableAt, schemaAt: null };
    const schemaAt = Number(await (await page.waitForFunction(schemaLoaded, null, wait)).jsonValue());
    return { usableAt, schemaAt };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => Math.round(quantile(xs, 0.5));

/** Cold loads of the form and of the floor, interleaved so drift on the machine hits both alike. */
async function measure(browser: Browser, origin: string, loads: number) {
  const form: number[] = [];
  const schema: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < loads; i++) {
    const f = await coldLoad(browser, `${origin}/`, formUsable);
    form.push(Math.round(f.usableAt));
    if (f.schemaAt !== null) schema.push(Math.round(f.schemaAt));
    bare.push(Math.round((await coldLoad(browser, `${origin}/__bench/bare`, bareUsable)).usableAt));
  }
  const summary = {
    formUsableMs: median(form),
    bareFloorMs: median(bare),
    formOverFloorMs: median(form) - median(bare),
    schemaLoadedMs: median(schema),
  };
  return { summary, runs: { formUsableMs: form, schemaLoadedMs: schema, bareFloorMs: bare } };
}

function listen(port: number, fetch: (req: Request) => Response | Promise<Response>): Promise<Server> {
  const server = serve({ port, hostname: "127.0.0.1", fetch }) as Server;
  return new Promise((resolve, reject) => {
    server.once("listening", () => resolve(server));
    server.once("error", reject);
  });
}

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
  const loads = Math.max(5, Math.round(envNumber("BENCH_WEB_LOADS", 7)));
  buildWeb();

  const tmp = mkdtempSync(join(tmpdir(), "lapora-bench-web-"));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const runtime = await startRuntime({
    s3Directory: join(tmp, "s3"),
    tableName: "lapora-bench-web",
    bucketName: "lapora-bench-web-evidence",
    topicName: "lapora-bench-web-alerts",
    publicUrl: origin,
  });
  const servers: Server[] = [];
  let browser: Browser | undefined;
  try {
    const app = createLocalApp(runtime.deps, dist, runtime.issuer);
    const local = (req: Request) =>
      new URL(req.url).pathname === "/__bench/bare"
        ? new Response(BARE_HTML, { headers: { "Content-Type": "text/html; charset=utf-8" } })
        : app.fetch(req);
    servers.push(await listen(port, local));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const weight = await pageWeight(browser, `${origin}/`);
    // The local server compresses as CloudFront does, so this is the link a resident's phone sees.
    const slow = await measure(browser, origin, loads);
    return {
      weightKB: weight.summary,
      slow3g: slow.summary,
      details: { gzipKBByFile: weight.files, link: SLOW_3G, loads, runs: slow.runs },
    };
  } finally {
    await browser?.close();
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    await runtime.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
