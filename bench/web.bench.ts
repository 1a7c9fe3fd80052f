/**
 * The public form page, as a resident on a weak rural link gets it, today's web app (the working tree)
 * beside a baseline (issue 16's "today": the last commit before the offline-first work), in one run:
 * both built here, served by packages/local (as `npm start` does: it compresses as CloudFront does) on
 * ports of their own against one local runtime, measured by one Chromium.
 *   weight      the JS and CSS of the form page (inlined into its HTML, the HTML's files, and the chunks it
 *               loads lazily by itself; not other pages'), gzip -9. Target: 35 KB or less. Reported beside
 *               it: what the form loads at the resident's first touch (a category chosen), and what the
 *               service worker precaches in the background (every page, both languages, icons).
 *   slow-3g     time to usable: from navigation start until the category choices are on screen (painted)
 *               and enabled (web-page.ts formUsable: the prerendered form keeps what is entered before
 *               its script runs; also reported: when the app had taken over), on Chromium's emulation
 *               (400 kbps down and up, 400 ms latency), cold (new context, cache disabled). The floor is
 *               the first paint of a bare HTML page
 *               of about the same size over the same link. Target: 2× the floor or less. Cold loads of
 *               the baseline, the current app and the floor take turns, so drift on the machine hits all.
 *               Also when the form's last own JS or CSS has arrived.
 *   offline     a repeat visit with no network (see offlineVisits): time to usable. Target: under 1 s.
 *
 * Env: BENCH_WEB_LOADS (7, cold and offline loads per page; medians reported; the issue asks for ≥ 5);
 * BENCH_WEB_BASELINE (4a27e93..., a git ref to compare against; `none` measures the working tree only).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { CATEGORIES } from "@lapora/core/browser";
import { freePort } from "@lapora/local/emulators/ports";
import { startRuntime } from "@lapora/local/runtime";
import { createLocalApp } from "@lapora/local/server";
import { type Browser, chromium } from "playwright-core";
import { type BaselineWeb, npmRun, prepareBaselineWeb } from "./lib/baseline-web";
import { envNumber, quantile, round } from "./lib/stats";
import { offlineVisits } from "./lib/web-offline";
import { coldLoad, pageWeight } from "./lib/web-page";
import { type AppFigures, figures } from "./lib/web-summary";

const repoRoot = resolve(import.meta.dirname, "..");
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
/** Issue 16's "today": the last commit before the offline-first work. */
const DEFAULT_BASELINE = "4a27e934292c5b4d7d4e8322eb14f89f06110310";
// Chromium's emulation takes bytes per second: 400 kbit/s = 50,000 B/s.
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

// The floor: what any page costs over this link. Same size class as the app's index.html (~0.8 KB).
const BARE_HTML = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Lapora</title></head><body><main><h1 id="ready">Buat Laporan</h1><p>${"Laporkan kejadian di Kabupaten Musi Banyuasin. ".repeat(12)}</p></main></body></html>`;

interface App {
  name: "baseline" | "current";
  origin: string;
  /** How many category choices its form shows (its own core's CATEGORIES). */
  categories: number;
}

async function buildCurrent(tmp: string): Promise<string> {
  await npmRun(repoRoot, "build:web");
  // A snapshot: a build started elsewhere in the tree during the run cannot change what is served.
  const dist = join(tmp, "current-dist");
  cpSync(join(repoRoot, "packages/web/dist"), dist, { recursive: true });
  return dist;
}

/** The baseline's own category count: an older commit may have fewer choices than today's. */
async function categoriesOf(root: string): Promise<number> {
  const file = join(root, "packages/core/src/report/category.ts");
  if (!existsSync(file)) return CATEGORIES.length;
  const mod = (await import(pathToFileURL(file).href)) as { CATEGORIES?: readonly string[] };
  return mod.CATEGORIES?.length ?? CATEGORIES.length;
}

const median = (xs: number[]) => Math.round(quantile(xs, 0.5));

/**
 * What a build's service worker (dist/sw.js, Workbox's injected list) precaches at its first visit, in the
 * background once the page has loaded: every page's chunks, both languages, icons. gzip -9 as served.
 */
function precacheOf(dist: string): { jsCssKB: number; allKB: number; files: number } | null {
  const sw = join(dist, "sw.js");
  if (!existsSync(sw)) return null;
  const urls = [...readFileSync(sw, "utf8").matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] as string);
  const kb = (u: string) => gzipSync(readFileSync(join(dist, u)), { level: 9 }).length / 1024;
  const all = urls.reduce((n, u) => n + kb(u), 0);
  const jsCss = urls.filter((u) => /\.(js|css)$/.test(u)).reduce((n, u) => n + kb(u), 0);
  return { jsCssKB: jsCss, allKB: all, files: urls.length };
}

/** Names the app and the step in a failure (a timeout alone does not say which page did not load). */
function step<T>(app: App, what: string, work: Promise<T>): Promise<T> {
  return work.catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${what}, ${app.name} app (${app.origin}): ${message}`, { cause: err });
  });
}

/** Cold loads of each app's form and of the floor, taking turns (the order rotates each round). */
async function slowLoads(browser: Browser, apps: App[], floorUrl: string, loads: number) {
  const form = new Map(apps.map((a) => [a.name, [] as number[]]));
  const assets = new Map(apps.map((a) => [a.name, [] as number[]]));
  const scripts = new Map(apps.map((a) => [a.name, [] as number[]]));
  const floor: number[] = [];
  const turns: (App | null)[] = [...apps, null]; // null: the floor
  for (let i = 0; i < loads; i++) {
    for (let k = 0; k < turns.length; k++) {
      const app = turns[(i + k) % turns.length];
      if (app === null || app === undefined) {
        floor.push(Math.round((await coldLoad(browser, floorUrl, SLOW_3G, null)).usableAt));
        continue;
      }
      const r = await step(app, "slow-3G load", coldLoad(browser, `${app.origin}/`, SLOW_3G, app.categories));
      form.get(app.name)?.push(Math.round(r.usableAt));
      if (r.assetsAt) assets.get(app.name)?.push(Math.round(r.assetsAt));
      if (r.appReadyAt) scripts.get(app.name)?.push(Math.round(r.appReadyAt));
    }
  }
  const bareFloorMs = median(floor);
  const byApp = apps.map((a) => {
    const runs = form.get(a.name) ?? [];
    const formUsableMs = median(runs);
    return [
      a.name,
      {
        formUsableMs,
        bareFloorMs,
        formOverFloorMs: formUsableMs - bareFloorMs,
        ratio: round(formUsableMs / bareFloorMs),
        appReadyMs: median(scripts.get(a.name) ?? []),
        assetsLoadedMs: median(assets.get(a.name) ?? []),
      },
    ] as const;
  });
  return {
    summary: Object.fromEntries(byApp),
    runs: {
      bareFloorMs: floor,
      formUsableMs: Object.fromEntries(form),
      assetsLoadedMs: Object.fromEntries(assets),
      appReadyMs: Object.fromEntries(scripts),
    },
  };
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
  const baselineRef = process.env.BENCH_WEB_BASELINE || DEFAULT_BASELINE;

  const tmp = mkdtempSync(join(tmpdir(), "lapora-bench-web-"));
  let baseline: BaselineWeb | undefined;
  const servers: Server[] = [];
  let browser: Browser | undefined;
  let runtime: Awaited<ReturnType<typeof startRuntime>> | undefined;
  // Ctrl-C skips `finally`: the worktree and the temporary files go anyway, then the signal is raised again.
  const interrupted = (signal: NodeJS.Signals) => {
    baseline?.remove();
    rmSync(tmp, { recursive: true, force: true });
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const dists: [App["name"], string, number][] = [["current", await buildCurrent(tmp), CATEGORIES.length]];
    if (baselineRef !== "none") {
      baseline = prepareBaselineWeb(repoRoot, baselineRef);
      await baseline.build();
      dists.unshift(["baseline", baseline.dist, await categoriesOf(baseline.root)]);
    }
    const ports = await Promise.all(dists.map(() => freePort()));
    const origin = (port: number | undefined) => `http://127.0.0.1:${port}`;
    const apps: App[] = dists.map(([name, , categories], i) => ({
      name,
      origin: origin(ports[i]),
      categories,
    }));
    // One runtime: both apps talk to the same API. Its public URL is the current app's.
    runtime = await startRuntime({
      s3Directory: join(tmp, "s3"),
      tableName: "lapora-bench-web",
      bucketName: "lapora-bench-web-evidence",
      topicName: "lapora-bench-web-alerts",
      publicUrl: origin(ports[ports.length - 1]),
    });
    for (const [i, [, dist]] of dists.entries()) {
      const app = createLocalApp(runtime.deps, dist, runtime.issuer);
      const local = (req: Request) =>
        new URL(req.url).pathname === "/__bench/bare"
          ? new Response(BARE_HTML, { headers: { "Content-Type": "text/html; charset=utf-8" } })
          : app.fetch(req);
      servers.push(await listen(ports[i] as number, local));
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const b = browser;
    const weights: Awaited<ReturnType<typeof pageWeight>>[] = [];
    for (const a of apps) weights.push(await step(a, "weight", pageWeight(b, `${a.origin}/`, a.categories)));
    const slow = await slowLoads(b, apps, `${apps[apps.length - 1]?.origin}/__bench/bare`, loads);
    const offline: Awaited<ReturnType<typeof offlineVisits>>[] = [];
    for (const a of apps)
      offline.push(await step(a, "offline visits", offlineVisits(b, `${a.origin}/`, a.categories, loads)));

    const byApp: Record<string, AppFigures> = {};
    const perApp = <T>(of: (i: number) => T) => Object.fromEntries(apps.map((a, i) => [a.name, of(i)]));
    for (const [i, a] of apps.entries()) {
      const slow3g = slow.summary[a.name];
      const [weight, visits] = [weights[i], offline[i]];
      const precache = precacheOf(dists[i]?.[1] ?? "");
      if (weight && slow3g && visits) byApp[a.name] = { weight, slow: slow3g, offline: visits, precache };
    }
    return {
      ...figures(byApp),
      details: {
        baseline: baseline
          ? { ref: baseline.ref, commit: baseline.commit, buildScript: baseline.buildScript }
          : null,
        categories: perApp((i) => apps[i]?.categories),
        gzipKBByFile: perApp((i) =>
          Object.fromEntries(Object.entries(weights[i]?.files ?? {}).map(([p, kb]) => [p, round(kb)])),
        ),
        gzipKBOnFirstTouch: perApp((i) =>
          Object.fromEntries(Object.entries(weights[i]?.touchedFiles ?? {}).map(([p, kb]) => [p, round(kb)])),
        ),
        offlineFailure: perApp((i) => offline[i]?.failure ?? null),
        link: SLOW_3G,
        loads,
        runs: {
          ...slow.runs,
          offlineUsableMs: perApp((i) => offline[i]?.runs ?? []),
        },
      },
    };
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await browser?.close();
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    await runtime?.stop();
    baseline?.remove();
    rmSync(tmp, { recursive: true, force: true });
  }
}
