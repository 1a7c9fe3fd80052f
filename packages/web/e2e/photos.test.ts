import { startEvidenceHarness } from "@lapora/testkit";
import exifr from "exifr";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillReport, launchChromium, phonePage, submitAndReadCode } from "./support";

let h: Awaited<ReturnType<typeof startEvidenceHarness>>;
let browser: Browser;
let bigPhoto: Buffer;

/**
 * A 12 MP (4000x3000) phone-like JPEG: smooth light and shade with sensor-like grain, at quality 92, with
 * the camera's GPS in its EXIF. Made here, so the test needs no fixture file.
 */
async function twelveMegapixelPhoto(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  let seed = 7;
  const grain = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed % 17) - 8;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const sky = y < height * 0.45;
      const shade = Math.sin(x / 230) * 20 + Math.cos(y / 170) * 15;
      raw[i] = Math.max(0, Math.min(255, (sky ? 120 + y / 30 : 70 + x / 90) + shade + grain()));
      raw[i + 1] = Math.max(0, Math.min(255, (sky ? 160 + y / 40 : 110 + ((x * y) % 40)) + shade + grain()));
      raw[i + 2] = Math.max(0, Math.min(255, (sky ? 220 - y / 50 : 60 + y / 80) + grain()));
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Make: "LaporaTestPhone", Model: "X12" },
      IFD3: {
        GPSLatitudeRef: "S",
        GPSLatitude: "2/1 52/1 5736/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "103/1 50/1 3516/100",
      },
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}

beforeAll(async () => {
  [h, browser, bigPhoto] = await Promise.all([
    startEvidenceHarness({ web: true }),
    launchChromium(),
    twelveMegapixelPhoto(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** Every text the photo rows showed while the page ran, and every progress value, seen by a MutationObserver. */
async function watchUploads(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[]; values: number[] };
    w.seen = [];
    w.values = [];
    new MutationObserver(() => {
      for (const row of Array.from(document.querySelectorAll('[data-testid="photo-upload"]'))) {
        w.seen.push(row.textContent ?? "");
        const bar = row.querySelector("progress");
        if (bar) w.values.push(bar.value);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { seen: string[]; values: number[] };
      return { seen: w.seen, values: w.values };
    });
}

async function attach(page: Page, buffer: Buffer) {
  await page
    .getByTestId("photo-input")
    .setInputFiles({ name: "IMG_20261128_2301.jpg", mimeType: "image/jpeg", buffer });
  await page.getByText(/Foto 1 siap dikirim \(\d+ KB\)/).waitFor({ timeout: 30_000 });
}

describe("photos from the report form", () => {
  it("a 12 MP photo goes up downscaled, with progress, and the tracking page counts it", async () => {
    expect(bigPhoto.length).toBeGreaterThan(2_000_000);
    expect(await exifr.gps(bigPhoto)).toBeDefined();
    const page = await phonePage(browser);
    await page.goto(h.url);
    await fillReport(page);
    await attach(page, bigPhoto);
    // A weak upload link (about 400 kbit/s), so the progress is there to see.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 100,
      downloadThroughput: 250_000,
      uploadThroughput: 50_000,
    });
    const seen = await watchUploads(page);
    const code = await submitAndReadCode(page);
    await page.getByText("Semua foto terkirim.").waitFor({ timeout: 60_000 });
    const { seen: texts, values } = await seen();
    expect(texts.some((t) => /Foto 1: terkirim \d+%/.test(t))).toBe(true);
    expect(values.length).toBeGreaterThan(0);
    expect(values.some((v) => v < 100)).toBe(true);

    await h.uploads.idle();
    const report = await h.deps.reports.getByTrackingCode(code);
    const [slot] = await h.deps.evidence.store.listSlots(report?.reportId ?? "");
    expect(slot).toMatchObject({ status: "attached", detectedType: "image/jpeg", width: 1600, height: 1200 });
    const sent = slot?.bytes ?? 0;
    console.log(
      `12 MP test photo: ${(bigPhoto.length / 1024).toFixed(0)} KB as taken, ${(sent / 1024).toFixed(0)} KB uploaded (1600x1200 JPEG)`,
    );
    expect(sent).toBeLessThan(800 * 1024);
    expect(sent).toBeGreaterThan(50 * 1024);
    // The browser's re-encoding already left the camera's GPS behind.
    const original = new Uint8Array(
      await (await fetch(`${h.s3.endpoint}/${h.bucket}/evidence/${report?.reportId}/1`)).arrayBuffer(),
    );
    expect(await exifr.gps(original)).toBeUndefined();

    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByRole("link", { name: "Lacak laporan ini" }).click();
    await page.waitForURL(`**/lacak/${code}`);
    await expect(page.getByTestId("photos").textContent()).resolves.toBe("1 foto diterima");
    await page.context().close();
  });

  it("a photo that failed to send is retried on its own, without sending the report again", async () => {
    const page = await phonePage(browser);
    let reportPosts = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/reports") reportPosts++;
    });
    await page.goto(h.url);
    await fillReport(page, { description: "Dua orang memukul penjaga warung di pasar Sekayu tadi sore." });
    await attach(
      page,
      await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#457" } })
        .jpeg()
        .toBuffer(),
    );
    // The link to S3 drops for the first attempt.
    const s3 = `${h.s3.endpoint}/**`;
    await page.route(s3, (route) => route.abort("connectionreset"));
    const code = await submitAndReadCode(page);
    await page.getByText(/Foto 1 belum terkirim/).waitFor();
    await page.unroute(s3);
    await page.getByRole("button", { name: "Coba lagi" }).click();
    await page.getByText("Semua foto terkirim.").waitFor();
    await h.uploads.idle();
    expect(reportPosts).toBe(1);
    await page.goto(`${h.url}/lacak/${code}`);
    await expect(page.getByTestId("photos").textContent()).resolves.toBe("1 foto diterima");
    await page.context().close();
  });
});
