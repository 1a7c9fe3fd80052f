import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fillReport, phonePage, seriousViolations, useEvidenceSiteAndBrowser } from "./support";

// Reporting from a blank spot, in Chromium against the local app with an s3rver whose object events this
// process hears (photos go through evidence-uploaded as in AWS): the service worker keeps the app shell,
// a report made offline waits in IndexedDB and goes once, with its photo, when there is signal again.

const site = useEvidenceSiteAndBrowser();

/** A page whose service worker has taken control: from here on the shell needs no network. */
async function installed(): Promise<Page> {
  const page = await phonePage(site.browser, { bypassCSP: true });
  await page.goto(site.server.url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
  return page;
}

const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: "#357" } })
    .jpeg()
    .toBuffer();

/** The stored reports whose description starts with `text`. */
async function reportsWith(text: string) {
  const { Items = [] } = await site.server.deps.client.send(
    new ScanCommand({ TableName: site.server.deps.tableName }),
  );
  return Items.filter((i) => i.sk === "$report_1" && String(i.description).startsWith(text));
}

/** The Idempotency-Keys waiting in the phone's outbox. */
const outboxKeys = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open("lapora-outbox");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("reports")) return resolve([]);
          const req = db.transaction("reports").objectStore("reports").getAllKeys();
          req.onsuccess = () => resolve(req.result.map(String));
        };
        open.onerror = () => resolve([]);
      }),
  );

async function waitFor<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await what();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    v = await what();
  }
  return v;
}

describe("the app shell offline", () => {
  it("renders the form on a second visit with no network, in both languages, and the desa picker works", async () => {
    const page = await installed();
    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole("heading", { name: "Buat Laporan" }).waitFor();
    await page.getByLabel("Kecamatan").selectOption({ label: "Sekayu" });
    await page.getByRole("combobox", { name: /Desa/ }).fill("soak");
    await page.getByRole("option", { name: "Soak baru" }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Make a Report" }).waitFor();
    // The other pages' shells too: statistics and tracking open without signal.
    await page.goto(`${site.server.url}/lacak`).catch(() => undefined);
    await page.getByRole("heading", { name: "Track a Report" }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.context().close();
  });
});

describe("the outbox", () => {
  it("keeps a report made offline, with its photo, and sends it once when a new page opens online", async () => {
    const page = await installed();
    const context = page.context();
    await context.setOffline(true);
    await fillReport(page, { description: "Kerbau saya hilang dari kandang di tepi sungai, tanpa sinyal." });
    await page.getByTestId("photo-input").setInputFiles({
      name: "IMG_0001.jpg",
      mimeType: "image/jpeg",
      buffer: await photo(),
    });
    await page.getByText(/Foto 1 siap dikirim/).waitFor();
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    await page.getByRole("heading", { name: "Tersimpan di HP, akan dikirim otomatis" }).waitFor();
    await expect(page.getByRole("status").filter({ hasText: "1 laporan tersimpan" }).count()).resolves.toBe(
      1,
    );
    await expect(seriousViolations(page)).resolves.toEqual([]);
    const [key] = await outboxKeys(page);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(await reportsWith("Kerbau saya hilang")).toEqual([]);

    // Closed, then opened again later with signal: the page sends it and shows the code and the secret.
    await page.close();
    await context.setOffline(false);
    const later = await context.newPage();
    await later.goto(site.server.url);
    const code = (await later.getByTestId("outbox-code").textContent())?.trim();
    expect(code).toMatch(/^LPR-/);
    await expect(later.getByTestId("outbox-secret").textContent()).resolves.toMatch(/^([0-9A-Z]{4}-){5}/);
    await expect(seriousViolations(later)).resolves.toEqual([]);

    const stored = await reportsWith("Kerbau saya hilang");
    expect(stored.map((r) => r.trackingCode)).toEqual([code]);
    const idempotency = await site.server.deps.reports.getIdempotency(
      `report:${key}`,
      Math.floor(Date.now() / 1000),
    );
    expect(idempotency?.reportId).toBe(stored[0]?.reportId);
    const slots = await waitFor(
      () => site.server.deps.evidence.store.listSlots(String(stored[0]?.reportId)),
      (s) => s.length > 0,
    );
    expect(slots).toHaveLength(1);

    await later.getByRole("button", { name: "Sudah saya catat" }).click();
    await later.getByTestId("outbox").waitFor({ state: "detached" });
    expect(await outboxKeys(later)).toEqual([]);
    await context.close();
  });

  it("finishes a report whose connection dropped mid-send, and its photo, once each", async () => {
    const page = await installed();
    let cut = true;
    // The report reaches the server, but its answer never reaches the phone, as on a link that drops.
    await page.context().route("**/api/reports", async (route) => {
      if (!cut || route.request().method() !== "POST") return route.fallback();
      await route.fetch();
      await route.abort("connectionreset");
    });
    await fillReport(page, { description: "Perahu ketek dicuri dari dermaga, sinyal putus-putus." });
    await page.getByTestId("photo-input").setInputFiles({
      name: "IMG_0002.jpg",
      mimeType: "image/jpeg",
      buffer: await photo(),
    });
    await page.getByText(/Foto 1 siap dikirim/).waitFor();
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    await page
      .getByRole("heading", { name: "Tersimpan di HP, akan dikirim otomatis" })
      .waitFor({ timeout: 60_000 });
    expect(await reportsWith("Perahu ketek dicuri")).toHaveLength(1); // it did arrive, unanswered

    cut = false;
    await page.goto(site.server.url); // the next open sends what waits
    const code = (await page.getByTestId("outbox-code").textContent())?.trim();
    const stored = await reportsWith("Perahu ketek dicuri");
    expect(stored.map((r) => r.trackingCode)).toEqual([code]);
    const slots = await waitFor(
      () => site.server.deps.evidence.store.listSlots(String(stored[0]?.reportId)),
      (s) => s.length > 0,
    );
    expect(slots).toHaveLength(1);
    await page.context().close();
  });

  it("never keeps a sensitive report: offline, it shows whom to call and stores nothing", async () => {
    const page = await installed();
    await page.context().setOffline(true);
    await fillReport(page, { category: "KDRT", description: "Suami saya memukul saya lagi malam ini." });
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    const help = page.getByTestId("offline-sensitive");
    await expect(help.textContent()).resolves.toMatch(/129.*08111-129-129.*110/s);
    expect(await outboxKeys(page)).toEqual([]);
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith("lapora.draft")),
    );
    expect(kept).toEqual([]);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.context().close();
  });
});

describe("a new version of the site", () => {
  it("waits until the resident taps 'Muat ulang', then the whole page is the new version", async () => {
    // A copy of the built site, served on its own port, that the test can "deploy" again.
    const dist = resolve(import.meta.dirname, "../dist");
    const copy = mkdtempSync(join(resolve(import.meta.dirname, ".."), ".dist-update-"));
    cpSync(dist, copy, { recursive: true });
    const web = await site.server.serveWeb(copy);
    const origin = web.url;
    try {
      const page = await phonePage(site.browser, { bypassCSP: true });
      await page.goto(origin);
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
        timeout: 30_000,
      });
      // The next deploy: a page that says so, and a worker whose precache list names it (a new revision).
      const html = readFileSync(join(copy, "index.html"), "utf8");
      writeFileSync(
        join(copy, "index.html"),
        html.replace("<head>", '<head><meta name="lapora-version" content="next" />'),
      );
      const sw = readFileSync(join(copy, "sw.js"), "utf8");
      const next = sw.replace(/("revision":")([^"]+)(","url":"index\.html")/, "$1$2-next$3");
      expect(next).not.toBe(sw);
      writeFileSync(join(copy, "sw.js"), next);

      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const banner = page.getByTestId("update-banner");
      await banner.waitFor();
      // Nothing changed under her feet before she chose.
      expect(await page.locator('meta[name="lapora-version"]').count()).toBe(0);
      await expect(seriousViolations(page)).resolves.toEqual([]);
      await Promise.all([
        page.waitForEvent("load"),
        banner.getByRole("button", { name: "Muat ulang" }).click(),
      ]);
      await page.locator('meta[name="lapora-version"][content="next"]').waitFor({ state: "attached" });
      await page.context().close();
    } finally {
      await web.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
