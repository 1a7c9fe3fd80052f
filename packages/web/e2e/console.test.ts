import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestServer } from "@lapora/testkit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, answerTotp, demoTotpCode, launchChromium, phonePage, seriousViolations } from "./support";

// The officers' console at /konsol, driven the way officers use it: on a phone, in Indonesian.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

const SPKT = "80010001";
const BHABIN_SOAK_BARU = "80010002"; // Sekayu: Soak baru and Balai Agung
const BHABIN_BAYUNG_LENCIR = "80010003";
const SHOTS = process.env.LAPORA_SHOTS ?? join(tmpdir(), "lapora-console-shots");
const HOSTILE = 'Pencuri masuk <img src=x onerror=alert(1)> lewat jendela <script>alert(2)</script> "quoted"';
const PUBLIC_NOTE = "Motor sudah ditemukan dan dikembalikan kepada pemilik.";

interface Submitted {
  id: string;
  code: string;
}

/** A resident's report in desa Soak baru (Sekayu), sent to the public API as the form would send it. */
async function submitReport(
  description: string,
  reporter: object = { anonymous: true },
  desa = "16.06.01.1011",
): Promise<Submitted> {
  const res = await fetch(`${server.url}/api/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({
      category: "pencurian",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa,
      occurredAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      description,
      reporter,
      // What the form adds: the honeypot left empty, and the seconds it was open.
      form: { website: "", fillSeconds: 40 },
    }),
  });
  expect(res.status).toBe(201);
  const receipt = (await res.json()) as { id: string; trackingCode: string };
  return { id: receipt.id, code: receipt.trackingCode };
}

async function signIn(page: Page, nrp: string, path = "/konsol"): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel("NRP").fill(nrp);
  await page.getByLabel("Kata sandi", { exact: true }).fill("lapora-demo");
  await page.getByRole("button", { name: "Masuk" }).click();
  await answerTotp(page, nrp);
  await page.getByRole("button", { name: "Keluar" }).waitFor();
}

/** The queue's cards, once loaded. */
async function queueCodes(page: Page): Promise<string[]> {
  await page.getByTestId("queue-count").waitFor();
  return page
    .getByTestId("queue-item")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-code") ?? ""));
}

async function openFromQueue(page: Page, code: string): Promise<void> {
  await page.getByRole("link", { name: new RegExp(code) }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(code) }).waitFor();
}

const statusOf = (page: Page) => page.getByTestId("status").textContent();

/** True when the page is wider than the screen (something forces sideways scrolling). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

let report: Submitted;
let hostile: Submitted;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  mkdirSync(SHOTS, { recursive: true });
  report = await submitReport("Motor Honda Beat saya hilang dari depan rumah tadi malam.", {
    anonymous: false,
    name: "Siti Aminah",
    phone: "081234567890",
  });
  hostile = await submitReport(HOSTILE);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the officers' console, on a phone", () => {
  it("SPKT verifies and assigns; the Bhabinkamtibmas of the desa resolves; the reporter sees Selesai", async () => {
    const spkt = await phonePage(browser);
    await signIn(spkt, SPKT);
    // The token lives in this tab only.
    expect(await spkt.evaluate(() => Object.keys(localStorage).some((k) => k.includes("session")))).toBe(
      false,
    );
    expect(await spkt.evaluate(() => sessionStorage.getItem("lapora.console.session"))).toContain("idToken");
    expect(await queueCodes(spkt)).toContain(report.code);
    await spkt.screenshot({ path: join(SHOTS, "queue-360.png"), fullPage: true });

    await openFromQueue(spkt, report.code);
    await expect(statusOf(spkt)).resolves.toBe("Diterima");
    // SPKT calls reporters back: the contact is shown, with the notice that this view is recorded.
    await expect(spkt.getByTestId("reporter-name").textContent()).resolves.toBe("Siti Aminah");
    await expect.poll(() => spkt.getByTestId("contact-notice").isVisible()).toBe(true);
    // Only what the lifecycle allows from "diterima": no "Mulai tangani" or "Selesaikan" yet.
    await expect(spkt.getByRole("button", { name: "Mulai tangani" }).count()).resolves.toBe(0);
    await expect(spkt.getByRole("button", { name: "Selesaikan" }).count()).resolves.toBe(0);

    // Cancelling the confirmation changes nothing.
    await spkt.getByRole("button", { name: "Verifikasi", exact: true }).click();
    await spkt.getByRole("button", { name: "Batal" }).click();
    await expect(statusOf(spkt)).resolves.toBe("Diterima");

    await act(spkt, "Verifikasi", "Ya, verifikasi");
    await expect(statusOf(spkt)).resolves.toBe("Diverifikasi");
    await act(spkt, "Tugaskan", "Ya, tugaskan", () =>
      spkt
        .getByLabel("Tugaskan kepada")
        .selectOption({ value: BHABIN_SOAK_BARU })
        .then(() => undefined),
    );
    await expect(spkt.getByTestId("assignee").textContent()).resolves.toContain(BHABIN_SOAK_BARU);
    // The audit trail is read again after each action.
    await spkt.getByTestId("audit").getByText("Menugaskan").waitFor();
    const audit = (await spkt.getByTestId("audit").textContent()) ?? "";
    expect(audit).toContain("Memverifikasi");
    expect(audit).toContain("Melihat kontak pelapor");
    await spkt.screenshot({ path: join(SHOTS, "detail-360.png"), fullPage: true });

    await spkt.getByRole("button", { name: "Keluar" }).click();
    await spkt.getByRole("heading", { name: "Masuk Petugas" }).waitFor();
    expect(await spkt.evaluate(() => sessionStorage.getItem("lapora.console.session"))).toBeNull();
    await spkt.context().close();

    const bhabin = await phonePage(browser);
    await signIn(bhabin, BHABIN_SOAK_BARU);
    expect(await queueCodes(bhabin)).toContain(report.code);
    await expect(
      bhabin.locator(`[data-code="${report.code}"]`).getByText("Ditugaskan kepada Anda").isVisible(),
    ).resolves.toBe(true);
    await openFromQueue(bhabin, report.code);
    // A Bhabinkamtibmas neither verifies, assigns nor rejects.
    for (const absent of ["Verifikasi", "Tugaskan", "Tolak", "Ubah prioritas"])
      await expect(bhabin.getByRole("button", { name: absent, exact: true }).count()).resolves.toBe(0);
    await act(bhabin, "Mulai tangani", "Ya, mulai tangani");
    await expect(statusOf(bhabin)).resolves.toBe("Sedang ditangani");

    // Resolving needs an (internal) outcome: the confirmation refuses to send without one.
    await bhabin.getByRole("button", { name: "Selesaikan", exact: true }).click();
    await bhabin.getByRole("button", { name: "Ya, selesaikan" }).click();
    await expect(bhabin.getByLabel("Hasil penanganan (internal)").getAttribute("aria-invalid")).resolves.toBe(
      "true",
    );
    await bhabin
      .getByLabel("Hasil penanganan (internal)")
      .fill("Pelaku diamankan, motor disita sebagai bukti.");
    await bhabin.getByLabel(/Catatan untuk pelapor/).fill(PUBLIC_NOTE);
    await bhabin.getByRole("button", { name: "Ya, selesaikan" }).click();
    await bhabin.getByRole("status").getByText("Laporan diselesaikan.").waitFor();
    await expect(statusOf(bhabin)).resolves.toBe("Selesai");
    await bhabin.context().close();

    const reporter = await phonePage(browser);
    await reporter.goto(`${server.url}/lacak/${report.code}`);
    await expect(reporter.getByTestId("status").textContent()).resolves.toBe("Selesai");
    const tracked = (await reporter.locator("main").textContent()) ?? "";
    expect(tracked).toContain(PUBLIC_NOTE);
    // The internal outcome never reaches the reporter.
    expect(tracked).not.toContain("Pelaku diamankan");
    await reporter.context().close();
  });

  it("the Bhabinkamtibmas of another desa does not see the report, even by its address", async () => {
    const page = await phonePage(browser);
    await signIn(page, BHABIN_BAYUNG_LENCIR);
    expect(await queueCodes(page)).not.toContain(report.code);
    await page.goto(`${server.url}/konsol/laporan/${report.id}`);
    await page.getByRole("heading", { name: "Laporan ini di luar wilayah atau peran Anda." }).waitFor();
    await expect(page.getByTestId("description").count()).resolves.toBe(0);
    await expect(page.locator("main").textContent()).resolves.not.toContain("Siti Aminah");
    await page.context().close();
  });

  it("a description with markup is shown as text, in the queue and the report, and nothing runs", async () => {
    // With the CSP bypassed, only rendering-as-text protects the page.
    const page = await phonePage(browser, { bypassCSP: true });
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await signIn(page, SPKT);
    const card = page.locator(`[data-code="${hostile.code}"]`);
    await expect(card.locator(".excerpt").textContent()).resolves.toBe(HOSTILE);
    await openFromQueue(page, hostile.code);
    await expect(page.getByTestId("description").textContent()).resolves.toBe(HOSTILE);
    await expect(page.locator("main img, main script").count()).resolves.toBe(0);
    await page.waitForTimeout(500); // a broken image's onerror fires asynchronously
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it("an officer acting on a report someone else just changed is told to reload, and nothing changes", async () => {
    const fresh = await submitReport("Kambing saya hilang dari kandang di belakang rumah.");
    const first = await phonePage(browser);
    const second = await phonePage(browser);
    for (const page of [first, second]) await signIn(page, SPKT, `/konsol/laporan/${fresh.id}`);
    await act(first, "Verifikasi", "Ya, verifikasi");
    await second.getByRole("button", { name: "Tolak", exact: true }).click();
    await second.getByLabel("Alasan penolakan (internal)").fill("Laporan ganda.");
    await second.getByRole("button", { name: "Ya, tolak laporan" }).click();
    await second.getByText(/baru saja diubah oleh petugas lain/).waitFor();
    await second.getByRole("button", { name: "Muat ulang laporan" }).click();
    await second.getByTestId("status").getByText("Diverifikasi", { exact: true }).waitFor();
    const stored = await server.deps.reports.getById(fresh.id);
    expect(stored?.status).toBe("diverifikasi");
    await first.context().close();
    await second.context().close();
  });

  it("an expired session goes back to sign-in, and to the same report after signing in", async () => {
    const page = await phonePage(browser);
    await signIn(page, SPKT);
    // A token the server refuses, as it refuses an expired one.
    await page.evaluate(() =>
      sessionStorage.setItem(
        "lapora.console.session",
        JSON.stringify({ idToken: "expired.token.value", expiresAt: Date.now() + 60_000 }),
      ),
    );
    await page.goto(`${server.url}/konsol/laporan/${hostile.id}`);
    await page.getByText("Sesi Anda berakhir. Silakan masuk lagi.").waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("lapora.console.session"))).toBeNull();
    await page.getByLabel("NRP").fill(SPKT);
    await page.getByLabel("Kata sandi", { exact: true }).fill("lapora-demo");
    await page.getByRole("button", { name: "Masuk" }).click();
    await answerTotp(page, SPKT);
    await expect(page.getByTestId("description").textContent()).resolves.toBe(HOSTILE);
    await page.context().close();
  });

  it("queue, filters and report fit a 320 px screen without sideways scrolling", async () => {
    const page = await phonePage(browser, { viewport: { width: 320, height: 640 } });
    await signIn(page, SPKT);
    await page.getByText("Saring dan urutkan").click();
    await page.getByRole("radio", { name: "Paling mendesak" }).check();
    await page.getByLabel("Kecamatan").selectOption({ label: "Sekayu" });
    await page.getByLabel("Desa/Kelurahan").selectOption({ label: "Soak baru" });
    expect(page.url()).toContain("sort=urgent");
    expect(page.url()).toContain("desa=16.06.01.1011");
    const codes = await queueCodes(page);
    // Most urgent first lists open reports only: the resolved one is gone, the open ones stay.
    expect(codes).toContain(hostile.code);
    expect(codes).not.toContain(report.code);
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: join(SHOTS, "queue-320.png"), fullPage: true });

    await openFromQueue(page, hostile.code);
    await page.getByRole("button", { name: "Tolak", exact: true }).click();
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: join(SHOTS, "detail-320.png"), fullPage: true });
    // Back keeps the filters.
    await page.getByRole("link", { name: /Kembali ke antrean/ }).click();
    await page.getByTestId("queue-count").waitFor();
    expect(page.url()).toContain("sort=urgent");
    await page.context().close();
  });

  it("works from the keyboard alone: sign in, open a report, confirm or cancel an action", async () => {
    const fresh = await submitReport("Ada pencurian kabel listrik di jalan desa semalam.");
    const page = await phonePage(browser, { isMobile: false, hasTouch: false });
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return `${el?.tagName.toLowerCase()}:${el?.textContent?.trim() ?? ""}`;
      });
    await page.goto(`${server.url}/konsol`);
    await page.getByLabel("NRP").focus();
    await page.keyboard.type(SPKT);
    await page.keyboard.press("Tab"); // the NRP hint is text: next is the password
    await page.keyboard.type("lapora-demo");
    await page.keyboard.press("Enter");
    // The code step takes the focus at its heading; the code box is the next stop.
    await page.getByLabel("Kode 6 angka").waitFor();
    await expect.poll(focused).toBe("h1:Kode verifikasi");
    await page.keyboard.press("Tab");
    await page.keyboard.type(demoTotpCode(SPKT));
    await page.keyboard.press("Enter");
    await page.getByTestId("queue-count").waitFor();
    await expect.poll(focused).toBe("h1:Antrean Laporan");

    // Tab through the queue to the new report (the newest, so the first card).
    for (let i = 0; i < 10 && !(await focused()).includes(fresh.code); i++) await page.keyboard.press("Tab");
    expect(await focused()).toContain(fresh.code);
    await page.keyboard.press("Enter");
    await page.getByTestId("description").waitFor();
    expect(await focused()).toContain(fresh.code); // the report's heading

    await page.keyboard.press("Tab"); // "Terima" (acknowledge) comes first, then the actions
    await expect.poll(focused).toBe("button:Terima");
    await page.keyboard.press("Tab");
    await expect.poll(focused).toBe("button:Verifikasi");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.tagName === "H3");
    await expect.poll(focused).toBe("h3:Konfirmasi: Verifikasi");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.activeElement?.textContent === "Verifikasi");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.tagName === "H3");
    await page.keyboard.press("Tab"); // the note for the reporter
    await page.keyboard.type("Laporan Anda sedang kami periksa.");
    await page.keyboard.press("Tab"); // past the count to "Ya, verifikasi"
    await expect.poll(focused).toBe("button:Ya, verifikasi");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Laporan diverifikasi.").waitFor();
    await expect(statusOf(page)).resolves.toBe("Diverifikasi");
    await expect.poll(focused).toBe("p:Laporan diverifikasi.");
    await page.context().close();
  });

  it("axe-core finds no serious problem on sign-in, queue, report and a confirmation step", async () => {
    // axe is injected as a script file, which the CSP would refuse: only this context bypasses it.
    const page = await phonePage(browser, { bypassCSP: true });
    await page.goto(`${server.url}/konsol`);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.locator("[aria-invalid=true]").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("NRP").fill(SPKT);
    await page.getByLabel("Kata sandi", { exact: true }).fill("lapora-demo");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByLabel("Kode 6 angka").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await answerTotp(page, SPKT);
    await page.getByText("Saring dan urutkan").click();
    await queueCodes(page);
    expect(await seriousViolations(page)).toEqual([]);
    await openFromQueue(page, hostile.code);
    await page.getByRole("button", { name: "Tambah catatan", exact: true }).click();
    await page.getByRole("radio", { name: /Publik/ }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("speaks English when the officer chose English, here or on the public site", async () => {
    const page = await phonePage(browser);
    await page.goto(server.url);
    await page.getByRole("button", { name: "English" }).click();
    // The public site's English is a chunk of its own: the choice is kept once it has arrived.
    await page.getByRole("heading", { level: 1, name: "Make a Report" }).waitFor();
    await page.goto(`${server.url}/konsol`);
    await page.getByRole("heading", { name: "Officer Sign-in" }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await page.getByRole("heading", { name: "Masuk Petugas" }).waitFor();
    await page.context().close();
  });

  it("the queue shows twenty reports at a time, and more on request", async () => {
    const balaiAgung = "16.06.01.1012";
    for (let i = 0; i < 21; i++)
      await submitReport(`Laporan uji nomor ${i + 1} tentang kebisingan malam hari.`, undefined, balaiAgung);
    const page = await phonePage(browser);
    await signIn(page, SPKT, `/konsol?kecamatan=16.06.01&desa=${balaiAgung}`);
    expect(await queueCodes(page)).toHaveLength(20);
    await page.getByRole("button", { name: "Muat lebih banyak" }).click();
    await page.getByText("21 laporan.").waitFor();
    expect(new Set(await queueCodes(page)).size).toBe(21);
    await expect(page.getByRole("button", { name: "Muat lebih banyak" }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
