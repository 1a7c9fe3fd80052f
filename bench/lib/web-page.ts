/**
 * How the web bench looks at one page in Chromium: when the report form is usable, what JS and CSS it
 * loads by itself, and a cold load over an emulated link (web-offline.ts: a visit with no network).
 */
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";

/** A cheap phone's screen. */
export const MOBILE = { viewport: { width: 360, height: 740 }, isMobile: true } as const;

// Predicates run in the page. They are functions, not strings: the app's CSP has no 'unsafe-eval'.
// This file is type-checked without the DOM library, hence the few page types spelled out here.
export interface PageGlobals {
  document: {
    querySelectorAll(
      selector: string,
    ): ArrayLike<{ disabled: boolean; getClientRects(): { length: number } }>;
    getElementById(id: string): unknown;
  };
  performance: {
    now(): number;
    getEntriesByType(
      type: string,
    ): { name: string; startTime: number; responseEnd: number; domContentLoadedEventEnd?: number }[];
  };
  location: { origin: string };
  navigator: {
    serviceWorker?: {
      controller: { scriptURL: string } | null;
      ready: Promise<{ active: { scriptURL: string } | null }>;
    };
  };
  setTimeout(f: () => void, ms: number): unknown;
}

/**
 * The form is usable when it is on screen: every category choice (`categories` of them) is there and
 * enabled, and the page has painted (its first contentful paint; a page waiting for its stylesheet paints
 * nothing). The time is the later of the two. A prerendered form counts before its script has run only
 * because the app keeps what was entered before then (web/src/lib/prerendered.ts; the browser test
 * prerender.test.ts checks it); `appReady` gives when the app had taken over. Returns the page's clock
 * (ms from navigation start).
 */
export function formUsable(categories: number): number | false {
  const g = globalThis as unknown as PageGlobals & { __formSeenAt?: number };
  const radios = Array.from(g.document.querySelectorAll('input[name="category"]'));
  const ok =
    radios.length === categories && radios.every((r) => !r.disabled && r.getClientRects().length > 0);
  if (!ok) return false;
  g.__formSeenAt ??= g.performance.now();
  const paint = g.performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint");
  return paint ? Math.max(paint.startTime, g.__formSeenAt) : false;
}

/**
 * When the app had taken over the page: its scripts have run (DOMContentLoaded) and, for a prerendered
 * form, the app has rendered over it (it drops #app's data-prerendered). False before.
 */
export function appReady(): number | false {
  const g = globalThis as unknown as PageGlobals;
  const nav = g.performance.getEntriesByType("navigation")[0];
  const app = g.document.getElementById("app") as { hasAttribute(name: string): boolean } | null;
  if (!nav?.domContentLoadedEventEnd || app?.hasAttribute("data-prerendered")) return false;
  return g.performance.now();
}

/** The floor page is usable at its first contentful paint, its heading being there. */
export function bareUsable(): number | false {
  const g = globalThis as unknown as PageGlobals;
  const paint = g.performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint");
  return g.document.getElementById("ready") !== null && paint ? paint.startTime : false;
}

/** When the last JS or CSS of the page's own origin had arrived (ms from navigation start). */
function lastAssetEnd(): number {
  const g = globalThis as unknown as PageGlobals;
  const origin = g.location.origin;
  const ends = g.performance
    .getEntriesByType("resource")
    .filter((r) => r.name.startsWith(origin) && /\.(js|css)(\?.*)?$/.test(r.name))
    .map((r) => r.responseEnd);
  return ends.length > 0 ? Math.max(...ends) : 0;
}

/** Counts the page's requests in flight, so a caller can wait until it has stopped loading by itself. */
export function trackNetwork(page: Page) {
  let inflight = 0;
  let last = performance.now();
  page.on("request", () => {
    inflight++;
    last = performance.now();
  });
  const done = () => {
    inflight = Math.max(0, inflight - 1);
    last = performance.now();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  /** Waits until nothing has been in flight for `quietMs`; false if that did not happen in `timeoutMs`. */
  return async (quietMs: number, timeoutMs: number): Promise<boolean> => {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if (inflight === 0 && performance.now() - last >= quietMs) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };
}

const gzipKB = (body: Buffer) => gzipSync(body, { level: 9 }).length / 1024;

/**
 * The form page's weight: every JS and CSS file of its origin that the page requests until it is usable
 * and its network has been quiet for 2 s (so the chunks it loads lazily by itself count, and other
 * pages' chunks, which need a click, do not), gzip -9 as the server sends them; `initial` are those the
 * HTML names, with what is inlined into the HTML (`inlineKB`: its <style> and <script> text). The HTML
 * itself is reported apart, and so is what the form loads at the resident's first
 * touch (a category chosen).
 */
export async function pageWeight(browser: Browser, url: string, categories: number) {
  const context = await browser.newContext(MOBILE);
  try {
    const page = await context.newPage();
    const quiet = trackNetwork(page);
    const origin = new URL(url).origin;
    const bodies = new Map<string, Promise<number>>();
    page.on("response", (res) => {
      const u = new URL(res.url());
      if (u.origin === origin && /\.(js|css)$/.test(u.pathname) && !bodies.has(u.pathname)) {
        bodies.set(
          u.pathname,
          res.body().then(gzipKB, () => Number.NaN),
        );
      }
    });
    const nav = await page.goto(url, { timeout: 60_000 });
    const html = (await nav?.body())?.toString("utf8") ?? "";
    await page.waitForFunction(formUsable, categories, { polling: "raf", timeout: 60_000 });
    const settled = await quiet(2000, 30_000);
    const sizes = async (paths: string[]) =>
      Object.fromEntries(await Promise.all(paths.sort().map(async (p) => [p, await bodies.get(p)] as const)));
    const files = (await sizes([...bodies.keys()])) as Record<string, number>;
    // Then her first touch (a category chosen): anything the form loads only then is reported apart, so
    // nothing the form needs is out of sight (today nothing: its validation is part of the page).
    await page.locator('input[name="category"]').first().check();
    await quiet(2000, 30_000);
    const touched = (await sizes([...bodies.keys()].filter((p) => !(p in files)))) as Record<string, number>;
    const named = new Set([...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]));
    const sum = (of: Record<string, number>, paths = Object.keys(of)) =>
      paths.reduce((n, p) => n + (of[p] ?? 0), 0);
    const all = Object.keys(files);
    // Styles and scripts inlined into the HTML are the page's CSS and JS too: counted with them (and also
    // inside htmlKB, which is the HTML as sent).
    const inline = [...html.matchAll(/<(style|script)\b[^>]*>([\s\S]*?)<\/\1>/g)]
      .map((m) => m[2] ?? "")
      .join("");
    const inlineKB = inline.length > 0 ? gzipKB(Buffer.from(inline)) : 0;
    return {
      htmlKB: gzipKB(Buffer.from(html)),
      inlineKB,
      initialKB:
        inlineKB +
        sum(
          files,
          all.filter((p) => named.has(p)),
        ),
      lazyKB: sum(
        files,
        all.filter((p) => !named.has(p)),
      ),
      totalKB: inlineKB + sum(files),
      onFirstTouchKB: sum(touched),
      files,
      touchedFiles: touched,
      settled,
    };
  } finally {
    await context.close();
  }
}

/**
 * One cold load (new context, HTTP cache off) over `link`: when the page was usable and, for the form,
 * when the last of its own JS and CSS had arrived once its network went quiet.
 */
export async function coldLoad(
  browser: Browser,
  url: string,
  link: { offline: boolean; latency: number; downloadThroughput: number; uploadThroughput: number },
  categories: number | null,
): Promise<{ usableAt: number; appReadyAt: number | null; assetsAt: number | null }> {
  const context = await browser.newContext(MOBILE);
  try {
    const page = await context.newPage();
    const quiet = trackNetwork(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", link);
    await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    const wait = { polling: "raf", timeout: 60_000 } as const;
    if (categories === null) {
      const usableAt = Number(await (await page.waitForFunction(bareUsable, null, wait)).jsonValue());
      return { usableAt, appReadyAt: null, assetsAt: null };
    }
    const usableAt = Number(await (await page.waitForFunction(formUsable, categories, wait)).jsonValue());
    const appReadyAt = Number(await (await page.waitForFunction(appReady, null, wait)).jsonValue());
    await quiet(1000, 60_000);
    return { usableAt, appReadyAt, assetsAt: await page.evaluate(lastAssetEnd) };
  } finally {
    await context.close();
  }
}
