/**
 * A repeat visit to the form page with no network at all: what a service worker (if the app has one)
 * makes of it. An app without one fails here, which is a figure too.
 */
import type { Browser } from "playwright-core";
import { quantile } from "./stats";
import { formUsable, MOBILE, type PageGlobals, trackNetwork } from "./web-page";

const median = (xs: number[]) => Math.round(quantile(xs, 0.5));

/** Resolves with the active worker's script once a service worker is ready, or null after `ms`. */
function serviceWorkerReady(ms: number): Promise<string | null> {
  const g = globalThis as unknown as PageGlobals;
  const sw = g.navigator.serviceWorker;
  if (!sw) return Promise.resolve(null);
  return Promise.race([
    sw.ready.then((r) => r.active?.scriptURL ?? null),
    new Promise<null>((resolve) => g.setTimeout(() => resolve(null), ms)),
  ]);
}

function controlled(): string | false {
  const g = globalThis as unknown as PageGlobals;
  return g.navigator.serviceWorker?.controller?.scriptURL ?? false;
}

/**
 * A repeat visit with no network: in a fresh context, one visit online; if a service worker registers,
 * wait until it is ready and controls the page (a second online visit if it does not claim the first);
 * then offline (`context.setOffline`), `loads` visits in new tabs, each with the service workers
 * stopped first, as after a phone has been put away. `offlineUsableMs` is their median from navigation
 * start to a usable form, or null if any visit did not get there (no page, or no form in `timeoutMs`).
 */
export async function offlineVisits(
  browser: Browser,
  url: string,
  categories: number,
  loads: number,
  timeoutMs = 10_000,
) {
  const context = await browser.newContext(MOBILE);
  try {
    const first = await context.newPage();
    const quiet = trackNetwork(first);
    await first.goto(url, { timeout: 60_000 });
    await first.waitForFunction(formUsable, categories, { polling: "raf", timeout: 60_000 });
    let serviceWorker = await first.evaluate(serviceWorkerReady, 10_000);
    if (serviceWorker !== null && !(await first.evaluate(controlled))) {
      await first.reload({ timeout: 60_000 });
      await first.waitForFunction(formUsable, categories, { polling: "raf", timeout: 60_000 });
      const claimed = await first.waitForFunction(controlled, null, { timeout: 5000 }).catch(() => null);
      if (claimed === null) serviceWorker = `${serviceWorker} (not controlling the page)`;
    }
    await quiet(1000, 30_000);
    await first.close();
    await context.setOffline(true);
    const runs: number[] = [];
    let failure: string | null = null;
    for (let i = 0; i < loads && failure === null; i++) {
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send("ServiceWorker.enable").catch(() => undefined);
        await cdp.send("ServiceWorker.stopAllWorkers").catch(() => undefined);
        await page.goto(url, { waitUntil: "commit", timeout: timeoutMs });
        const at = await page.waitForFunction(formUsable, categories, { polling: "raf", timeout: timeoutMs });
        runs.push(Math.round(Number(await at.jsonValue())));
      } catch (err) {
        failure = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "failed";
      } finally {
        await page.close();
      }
    }
    const works = failure === null && runs.length > 0;
    return {
      offlineWorks: works,
      offlineUsableMs: works ? median(runs) : null,
      serviceWorker,
      runs,
      failure,
    };
  } finally {
    await context.close();
  }
}
