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
    ): { name: string; responseEnd: number; domContentLoadedEventEnd?: number }[];
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
 * The form is usable when every category choice (`categories` of them) is on screen and enabled, and the
 * page's own scripts have run (module scripts run before DOMContentLoaded): a prerendered form whose
 * script has not arrived yet looks ready but is not. Returns the page's clock (ms from navigation start).
 */
export function formUsable(categories: number): number | false {
  const g = globalThis as unknown as PageGlobals;
  const nav = g.performance.getEntriesByType("navigation")[0];
  if (!nav?.domContentLoadedEventEnd) return false;
  const radios = Array.from(g.document.querySelectorAll('input[name="category"]'));
  const ok =
    radios.length === categories && radios.every((r) => !r.disabled && r.getClientRects().length > 0);
  return ok && g.performance.now();
}

/** The floor page is usable as soon as its heading is there. */
export function bareUsable(): number | false {
  const g = globalThis as unknown as PageGlobals;
  return g.document.getElementById("ready") !== null && g.performance.now();
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
 * HTML names. The HTML itself is reported apart.
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
    const files = Object.fromEntries(
      await Promise.all([...bodies].sort().map(async ([path, kb]) => [path, await kb] as const)),
    );
    const named = new Set([...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]));
    const sum = (paths: string[]) => paths.reduce((n, p) => n + (files[p] ?? 0), 0);
    const all = Object.keys(files);
    return {
      htmlKB: gzipKB(Buffer.from(html)),
      initialKB: sum(all.filter((p) => named.has(p))),
      lazyKB: sum(all.filter((p) => !named.has(p))),
      totalKB: sum(all),
      files,
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
): Promise<{ usableAt: number; assetsAt: number | null }> {
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
      return { usableAt, assetsAt: null };
    }
    const usableAt = Number(await (await page.waitForFunction(formUsable, categories, wait)).jsonValue());
    await quiet(1000, 60_000);
    return { usableAt, assetsAt: await page.evaluate(lastAssetEnd) };
  } finally {
    await context.close();
  }
}
