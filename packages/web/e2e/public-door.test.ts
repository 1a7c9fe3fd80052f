import { startTestServer } from "@lapora/testkit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTotp, fillReport, launchChromium, phonePage, submitAndReadCode } from "./support";

// The public door under load, in Chromium against the local runtime with LAPORA_TRUST_PROXY's behaviour:
// each browser context plays one source through X-Forwarded-For, as CloudFront passes the client. The
// limits are small so a test reaches them; the fill-time trap is off here (Playwright fills a form in
// well under a second), and tested against the API in packages/functions/src/api/public-door.test.ts.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({
      trustProxy: true,
      limits: {
        windowSeconds: 3600,
        address: { soft: 20, hard: 40 },
        device: { soft: 1, hard: 2 },
        daruratPerAddress: 20,
        minFillSeconds: 0,
      },
    }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const resident = (address: string) =>
  phonePage(browser, { extraHTTPHeaders: { "X-Forwarded-For": address } });

async function another(page: Page) {
  await page.getByRole("button", { name: "Buat laporan lain" }).click();
  await page.getByRole("heading", { name: "Buat Laporan" }).waitFor();
}

describe("a resident who sends many reports from one phone", () => {
  it("is told the first past the soft limit is checked by SPKT first, and past the hard limit to wait or call 110", async () => {
    const page = await resident("203.0.113.5");
    await page.goto(server.url);
    await fillReport(page);
    await submitAndReadCode(page);
    await expect(page.getByTestId("review-notice").count()).resolves.toBe(0);

    await another(page);
    await fillReport(page, { description: "Ada motor kedua yang dicuri di gang sebelah tadi malam." });
    const code = await submitAndReadCode(page);
    const notice = page.getByTestId("review-notice");
    await expect(notice.textContent()).resolves.toMatch(/diperiksa dulu oleh petugas piket \(SPKT\)/);
    await expect(
      page
        .getByRole("link", { name: /Telepon 110/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    await another(page);
    await fillReport(page, { description: "Rumah tetangga dibobol maling sekarang juga, tolong segera." });
    await page.getByRole("radio", { name: "Ya, sekarang" }).check();
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    const limited = page.getByTestId("limited");
    await limited.waitFor();
    await expect(limited.textContent()).resolves.toMatch(
      /Terlalu banyak laporan dikirim dari jaringan atau HP ini\. Laporan ini belum terkirim; isian Anda tetap tersimpan\. Coba lagi dalam \d+ menit\./,
    );
    await expect(limited.getByRole("link", { name: /Telepon 110/ }).getAttribute("href")).resolves.toBe(
      "tel:110",
    );
    // A report happening now also gets the full call-110 box, and the form is still there with its text.
    await expect.poll(() => page.locator(".emergency").last().isVisible()).toBe(true);
    await expect(page.getByLabel(/Ceritakan apa yang terjadi/).inputValue()).resolves.toMatch(
      /dibobol maling/,
    );
    await page.context().close();

    // SPKT finds the held report in the quarantine, with why, and releases it.
    const spkt = await phonePage(browser);
    await spkt.goto(`${server.url}/konsol`);
    await spkt.getByLabel("NRP").fill("80010001");
    await spkt.getByLabel("Kata sandi", { exact: true }).fill("lapora-demo");
    await spkt.getByRole("button", { name: "Masuk" }).click();
    await answerTotp(spkt, "80010001");
    await spkt.getByRole("link", { name: "Karantina" }).click();
    const item = spkt.locator(`[data-testid="held-item"][data-code="${code}"]`);
    await item.waitFor();
    await expect(item.textContent()).resolves.toMatch(/Terlalu banyak dari satu HP/);
    await item.getByRole("button", { name: "Lepaskan" }).click();
    await spkt.getByText(`${code} dilepas; peringatan dikirim.`).waitFor();
    await expect(item.count()).resolves.toBe(0);
    await spkt.context().close();
  });
});

describe("during a flood from one source", () => {
  it("a resident on another network sends their report as usual", async () => {
    const flood = Array.from({ length: 60 }, (_, i) =>
      fetch(`${server.url}/api/reports`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "X-Forwarded-For": "198.51.100.66",
          "Idempotency-Key": `flood-${i}-key`,
        },
        body: JSON.stringify({
          category: "lainnya",
          happeningNow: true,
          kecamatan: "16.06.01",
          desa: "16.06.01.1011",
          occurredAt: new Date().toISOString(),
          description: "spam spam spam spam spam spam",
          reporter: { anonymous: true },
        }),
      }).then((r) => r.status),
    );
    const page = await resident("192.0.2.33");
    await page.goto(server.url);
    await fillReport(page);
    const code = await submitAndReadCode(page);
    expect(code).toMatch(/^LPR-/);
    await expect(page.getByTestId("review-notice").count()).resolves.toBe(0);
    const statuses = await Promise.all(flood);
    // The flood got nothing past its hard limit, and what it got in is held for review (no form: a script).
    expect(statuses.filter((s) => s === 201)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    await page.context().close();
  });
});
