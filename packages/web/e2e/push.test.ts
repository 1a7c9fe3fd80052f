import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "@lapora/testkit";
import type { Browser, BrowserContext, Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTotp, launchChromium } from "./support";

// Web Push to the installed console, against the API with alerts running (report-events, the local push
// service, SMS through fauxqs) and the built web app, in Chromium. Two parts of a real phone cannot be
// played offline (see /work/shared/notes/web-push-offline.txt): PushManager.subscribe() needs the
// browser vendor's push service, and no test can tap an OS notification. So the subscription is the local
// push service's (stubbed into subscribe()), the push the server sent is handed to the console's worker
// with CDP's ServiceWorker.deliverPushMessage, and the tap is the worker's own click handler, called
// inside the worker.

let bed: AlertsTestbed;
let browser: Browser;
let url: string;
let closeServer: () => Promise<void>;
const SHOTS = process.env.LAPORA_SHOTS ?? join(tmpdir(), "lapora-console-shots");

const SEKAYU = OFFICER.bhabinSekayu; // Soak baru (16.06.01.1011) and Balai Agung
const REPORTER = { anonymous: false, name: "Siti Aminah", phone: "081234567890" };
const DESCRIPTION = "Sepeda motor Honda Beat hilang dari depan rumah tadi malam, pelaku dua orang.";

/** The code SMS and push links carry: the tracking code without its prefix and dashes. */
const shortCode = (trackingCode: string) => trackingCode.replace(/^LPR-/, "").replaceAll("-", "");

beforeAll(async () => {
  [bed, browser] = await Promise.all([startAlertsTestbed(), launchChromium()]);
  const site = await bed.serve();
  url = site.url;
  closeServer = site.close;
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await closeServer?.();
  await bed?.stop();
});

/** A phone in Jakarta time, in a fresh context allowed to show notifications. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  });
  await context.grantPermissions(["notifications"], { origin: url });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

async function signIn(page: Page, nrp: string, path: string): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.getByLabel("NRP").fill(nrp);
  await page.getByLabel("Kata sandi", { exact: true }).fill("lapora-demo");
  await page.getByRole("button", { name: "Masuk" }).click();
  await answerTotp(page, nrp);
  await page.getByRole("button", { name: "Keluar" }).waitFor();
}

/** The console's service worker, once Chromium runs it. */
async function consoleWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url() === `${url}/konsol-sw.js`);
  return (
    running ?? context.waitForEvent("serviceworker", { predicate: (w) => w.url() === `${url}/konsol-sw.js` })
  );
}

/** Hands a push message to the console's worker, as the browser does when its push service delivers one. */
async function deliverPush(context: BrowserContext, page: Page, data: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => registrations.push(...e.registrations));
  await cdp.send("ServiceWorker.enable");
  const scope = `${url}/konsol/`;
  await waitUntil("the console's worker registration", () =>
    registrations.some((r) => r.scopeURL === scope && !r.isDeleted),
  );
  const registration = registrations.find((r) => r.scopeURL === scope && !r.isDeleted);
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin: url,
    registrationId: registration?.registrationId ?? "",
    data,
  });
}

interface Shown {
  title: string;
  body: string;
  tag: string;
  requireInteraction: boolean;
  data: { url?: string; reportId?: string };
}

/** The notifications the console's worker is showing. */
const shownNotifications = (page: Page): Promise<Shown[]> =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration("/konsol/");
    return (await (registration?.getNotifications() ?? Promise.resolve([]))).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      requireInteraction: n.requireInteraction,
      data: n.data as Shown["data"],
    }));
  });

/** The report's audit entries of one action, through the API. */
async function auditOf(reportId: string, action: string) {
  const res = await bed.officer(SEKAYU, "GET", `/reports/${reportId}/audit`);
  expect(res.status).toBe(200);
  const { items } = (await res.json()) as { items: { action: string; actorNrp: string; note?: string }[] };
  return items.filter((e) => e.action === action);
}

/** A time as the console shows it, e.g. "3 Des 2025, 14.05 WIB". */
const WIB = String.raw`\d{1,2} \w{3,4} \d{4},? \d{2}\.\d{2} WIB`;
const ACK_STATE = new RegExp(`^Diterima ${WIB}$`);

describe("push notifications to the Bhabinkamtibmas's phone", () => {
  it("turns push on, shows the sedang report's notification (no SMS), and a tap opens and acknowledges it", async () => {
    // Without a device, the officer gets every alert by SMS: the channel this test then expects silent.
    const before = await bed.report({ reporter: REPORTER, description: DESCRIPTION });
    await waitUntil("the SMS before push is on", () => bed.countFor(before.trackingCode)[SEKAYU] === 1);

    const { context, page } = await phone();
    const subscription = bed.push.register("browser");
    await context.addInitScript((sub) => {
      // A real subscribe() needs the browser vendor's push service (FCM), unreachable offline: it would
      // never settle. The subscription is the local push service's instead, as the browser would give it.
      PushManager.prototype.subscribe = async () =>
        ({ endpoint: sub.endpoint, toJSON: () => sub }) as unknown as PushSubscription;
    }, subscription);
    await signIn(page, SEKAYU, "/konsol/notifikasi");
    await page.getByRole("heading", { level: 1, name: "Notifikasi" }).waitFor();
    await expect(page.getByTestId("push-support").textContent()).resolves.toBe(
      "Browser ini mendukung notifikasi push.",
    );
    await expect(page.getByTestId("push-permission").textContent()).resolves.toBe(
      "Izin notifikasi: diizinkan",
    );
    await expect(page.getByTestId("push-how").textContent()).resolves.toContain(
      "Darurat: notifikasi, dan selalu juga SMS.",
    );
    await expect(page.getByLabel("Nama perangkat").inputValue()).resolves.toBe("HP dinas");

    await page.getByRole("button", { name: "Aktifkan notifikasi di perangkat ini" }).click();
    await page.getByTestId("push-outcome").getByText("Notifikasi aktif di \u201cHP dinas\u201d.").waitFor();
    const device = page.getByTestId("push-device");
    await device.getByText("HP dinas").waitFor();
    await expect(device.textContent()).resolves.toContain("Belum pernah dikirimi notifikasi.");

    const report = await bed.report({ reporter: REPORTER, description: DESCRIPTION });
    expect(report.priority).toBe("sedang");
    const received = await bed.push.next(subscription.endpoint, undefined, 20_000);
    const payload = JSON.parse(received.payload) as Record<string, string>;
    expect(payload).toMatchObject({
      title: "LAPORA SEDANG: Pencurian",
      body: "Ds. Soak baru, Kec. Sekayu.",
      url: `/konsol/laporan/${shortCode(report.trackingCode)}?dari=notifikasi`,
      reportId: report.id,
      priority: "sedang",
    });
    // A lock screen shows it to anyone: the facts of the SMS, never who reported or what they wrote.
    for (const secret of [REPORTER.name, "Siti", REPORTER.phone, "81234567890", "Honda", "pelaku"])
      expect(received.payload).not.toContain(secret);

    // The push reached the device: the console says when, and the officer got no SMS for it. The
    // service has the message before the sender hears its 201, so wait for the sender to record it.
    await waitUntil("the delivery recorded", async () => {
      const res = await bed.officer(SEKAYU, "GET", "/push/devices");
      return ((await res.json()) as { devices: { lastOkAt?: string }[] }).devices.some((d) => d.lastOkAt);
    });
    await page.reload();
    await device.getByText(new RegExp(`^Terakhir berhasil ${WIB}$`)).waitFor();
    await page.screenshot({ path: join(SHOTS, "notifications-360.png"), fullPage: true });
    expect(bed.texts(SEKAYU).some((text) => text.includes(shortCode(report.trackingCode)))).toBe(false);
    expect(bed.countFor(report.trackingCode)[SEKAYU]).toBe(0);

    // Read the notifications once the worker has shown it: Chromium drops a notification that a
    // getNotifications() call, racing its display, does not yet see as displayed.
    const worker = await consoleWorker(context);
    await worker.evaluate(() => {
      const scope = self as unknown as { registration: ServiceWorkerRegistration; shown?: Promise<void> };
      const { registration } = scope;
      const show = registration.showNotification.bind(registration);
      scope.shown = new Promise((resolve) => {
        registration.showNotification = (title, options) => show(title, options).then(resolve);
      });
    });
    await deliverPush(context, page, received.payload);
    await worker.evaluate(() => (self as unknown as { shown: Promise<void> }).shown);
    const [shown] = await shownNotifications(page);
    expect(shown).toMatchObject({
      title: "LAPORA SEDANG: Pencurian",
      body: "Ds. Soak baru, Kec. Sekayu.",
      tag: payload.tag,
      requireInteraction: false,
      data: { url: payload.url, reportId: report.id },
    });

    // The tap: the worker's click handler, with the notification's data, opens the report in this
    // console window (focus() needs a real tap's user activation; navigating does not).
    const target = await worker.evaluate(
      (data) =>
        (self as unknown as { laporaHandleClick(d: unknown): Promise<string> }).laporaHandleClick(data),
      shown?.data,
    );
    expect(target).toBe(`${url}${payload.url}`);
    await page.waitForURL((at) => at.pathname === new URL(target).pathname);
    await page.getByRole("heading", { level: 1, name: new RegExp(report.trackingCode) }).waitFor();

    // Opened from the notification, the report is acknowledged at once, once.
    await expect(page.getByTestId("ack-state").textContent()).resolves.toMatch(ACK_STATE);
    await expect(page.getByRole("button", { name: "Terima" }).isDisabled()).resolves.toBe(true);
    await page.getByTestId("audit").getByText("Diterima petugas").waitFor();
    await waitUntil("the address without ?dari", () => !page.url().includes("dari="));
    await page.screenshot({ path: join(SHOTS, "acknowledged-360.png") });
    const acks = await auditOf(report.id, "acknowledged");
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ actorNrp: SEKAYU, note: "Diterima dari notifikasi." });

    // Turning it off again: the device is removed, and alerts go back to SMS.
    await page.getByRole("navigation").getByRole("link", { name: "Notifikasi" }).click();
    await page.getByRole("button", { name: "Hapus HP dinas" }).click();
    await page
      .getByTestId("devices-status")
      .getByText(/^\u201cHP dinas\u201d dihapus/)
      .waitFor();
    await expect(page.getByTestId("push-device").count()).resolves.toBe(0);
    const left = await bed.officer(SEKAYU, "GET", "/push/devices");
    expect(((await left.json()) as { devices: unknown[] }).devices).toEqual([]);
    await context.close();
  });

  it("records Terima pressed on a report opened from the queue as via konsol", async () => {
    const report = await bed.report({ category: "penipuan", happeningNow: false });
    const { context, page } = await phone();
    // The Kapolsek of Sekayu was not alerted to this one, but may read it, and so acknowledge it.
    await signIn(page, OFFICER.kapolsekSekayu, `/konsol/laporan/${encodeURIComponent(report.id)}`);
    await page.getByRole("heading", { level: 1, name: new RegExp(report.trackingCode) }).waitFor();
    await expect(page.getByTestId("ack-state").count()).resolves.toBe(0);
    // The first control after the report's heading.
    await page.getByRole("heading", { level: 1 }).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Terima");

    const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/ack"));
    await page.getByRole("button", { name: "Terima" }).click();
    expect((await sent).postDataJSON()).toEqual({ via: "konsol" });
    await expect(page.getByTestId("ack-state").textContent()).resolves.toMatch(ACK_STATE);
    await expect(page.getByRole("button", { name: "Terima" }).isDisabled()).resolves.toBe(true);
    await page.getByTestId("audit").getByText("Diterima petugas").waitFor();

    // The audit trail remembers it: reopened, it still reads Diterima, and nothing is sent again.
    let posts = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/ack")) posts++;
    });
    await page.reload();
    await expect(page.getByTestId("ack-state").textContent()).resolves.toMatch(ACK_STATE);
    expect(posts).toBe(0);
    const acks = await auditOf(report.id, "acknowledged");
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ actorNrp: OFFICER.kapolsekSekayu, note: "Diterima di konsol." });
    await context.close();
  });

  it("shows an admin each officer's push devices, with the failing one", async () => {
    const officer = OFFICER.bhabinBayungLencir;
    const device = await bed.pushDevice(officer, "HP cadangan");
    bed.push.setMode("down", device.endpoint);
    await bed.report({ kecamatan: "16.06.09", desa: "16.06.09.1016" });
    await waitUntil("the device marked failing", async () => {
      const res = await bed.admin("GET", `/officers/${officer}/push-devices`);
      const { devices } = (await res.json()) as { devices: { failingSince?: string }[] };
      return devices.some((d) => d.failingSince);
    });

    const { context, page } = await phone();
    await signIn(page, OFFICER.admin, "/konsol/petugas");
    await page.getByTestId("roster-item").first().waitFor();
    await page.locator(`[data-testid="roster-item"][data-nrp="${officer}"]`).getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /Rina Oktaviani/ }).waitFor();
    await expect(page.getByTestId("device-count").textContent()).resolves.toBe("1 perangkat · 1 gagal");
    const listed = page.getByTestId("push-device");
    await expect(listed.getByText("HP cadangan").count()).resolves.toBe(1);
    await expect(listed.getByTestId("device-failing").textContent()).resolves.toMatch(
      new RegExp(`^Gagal sejak ${WIB}$`),
    );
    // An admin sees them, but removing is the officer's own: no button here.
    await expect(listed.getByRole("button").count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, "officer-devices-360.png"), fullPage: true });
    await context.close();
  });

  it("tells the officer when the push service does not answer, as offline it may never", async () => {
    const { context, page } = await phone();
    await context.addInitScript(() => {
      // What a phone without a route to its push service does: subscribe() never settles.
      PushManager.prototype.subscribe = () => new Promise<PushSubscription>(() => {});
    });
    await page.clock.install();
    await signIn(page, OFFICER.bhabinBayungLencir, "/konsol/notifikasi");
    await page.getByRole("button", { name: "Aktifkan notifikasi di perangkat ini" }).click();
    await page.getByRole("button", { name: "Mengaktifkan…" }).waitFor();
    // Nothing before 15 s; then the message. The page may still be on its way to subscribe() when the
    // button changes (a loaded machine), so the clock moves on in steps until the timeout has fired.
    await page.clock.runFor(14_000);
    await expect(page.getByTestId("push-outcome").textContent()).resolves.toBe("");
    await expect
      .poll(
        async () => {
          await page.clock.runFor(1_000);
          return page.getByTestId("push-outcome").textContent();
        },
        { timeout: 15_000 },
      )
      .toMatch(/^Layanan push browser tidak menjawab dalam 15 detik/);
    await page.getByRole("button", { name: "Aktifkan notifikasi di perangkat ini" }).waitFor();
    await context.close();
  });
});

/** The width and height a PNG's header gives. */
function pngSize(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

describe("the console as an installable app", () => {
  it("has its manifest, icons and worker at fixed addresses; the public site has its own manifest", async () => {
    const res = await fetch(`${url}/konsol.webmanifest`);
    expect(res.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const manifest = (await res.json()) as {
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({
      name: "Lapora Konsol",
      short_name: "Lapora",
      lang: "id",
      start_url: "/konsol/",
      scope: "/konsol/",
      display: "standalone",
      theme_color: "#1f2937",
    });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    for (const icon of [...manifest.icons, { src: "/icons/apple-touch-icon.png", sizes: "180x180" }]) {
      const png = await fetch(`${url}${icon.src}`);
      expect(png.headers.get("content-type")).toBe("image/png");
      expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toBe(icon.sizes);
    }
    const worker = await fetch(`${url}/konsol-sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get("content-type")).toMatch(/javascript/);
    expect(worker.headers.get("content-security-policy")).toContain("script-src 'self'");

    const { context, page } = await phone();
    await page.goto(`${url}/konsol/`);
    const cdp = await context.newCDPSession(page);
    const { url: manifestUrl, errors } = (await cdp.send("Page.getAppManifest")) as {
      url: string;
      errors: unknown[];
    };
    expect(manifestUrl).toBe(`${url}/konsol.webmanifest`);
    expect(errors).toEqual([]);
    await expect(page.locator('link[rel="apple-touch-icon"]').count()).resolves.toBe(1);
    // The report form has its own manifest (issue 16): residents install Lapora, never the console.
    await page.goto(url);
    await page.getByRole("heading", { name: "Buat Laporan" }).waitFor();
    const site = (await cdp.send("Page.getAppManifest")) as { url: string; errors: unknown[] };
    expect(site.url).toBe(`${url}/manifest.webmanifest`);
    expect(site.errors).toEqual([]);
    await context.close();
  });
});
