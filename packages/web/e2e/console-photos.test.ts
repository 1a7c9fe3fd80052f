import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Evidence } from "@lapora/core";
import { postWithForm, startEvidenceHarness } from "@lapora/testkit";
import exifr from "exifr";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTotp, launchChromium, phonePage } from "./support";

// Photo evidence in the officers' console: a real upload to s3rver, processed by evidence-uploaded,
// then shown to officers as the clean display copy, on a phone, in Indonesian.

let h: Awaited<ReturnType<typeof startEvidenceHarness>>;
let browser: Browser;

const SPKT = "80010001";
const BHABIN_SOAK_BARU = "80010002";
const SHOTS = process.env.LAPORA_SHOTS ?? join(tmpdir(), "lapora-console-shots");

interface Submitted {
  id: string;
  code: string;
  forms: Evidence.UploadForm[];
}

/** A report in desa Soak baru (Sekayu), asking for an upload form per photo type, as the form does. */
async function submitReport(description: string, photos: string[]): Promise<Submitted> {
  const res = await fetch(`${h.url}/api/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({
      category: "pencurian",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
      occurredAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      description,
      reporter: { anonymous: true },
      ...(photos.length > 0 ? { photos } : {}),
      // What the form adds: the honeypot left empty, and the seconds it was open.
      form: { website: "", fillSeconds: 40 },
    }),
  });
  expect(res.status).toBe(201);
  const r = (await res.json()) as {
    id: string;
    trackingCode: string;
    uploads?: { forms: Evidence.UploadForm[] };
  };
  return { id: r.id, code: r.trackingCode, forms: r.uploads?.forms ?? [] };
}

/** A phone photo with the camera's GPS in its EXIF. */
const gpsPhoto = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 40, g: 110, b: 70 } } })
    .withExif({
      IFD0: { Make: "LaporaTestPhone" },
      IFD3: {
        GPSLatitudeRef: "S",
        GPSLatitude: "2/1 52/1 5736/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "103/1 50/1 3516/100",
      },
    })
    .jpeg({ quality: 85 })
    .toBuffer();

async function signIn(page: Page, nrp: string, path: string): Promise<void> {
  await page.goto(`${h.url}${path}`);
  await page.getByLabel("NRP").fill(nrp);
  await page.getByLabel("Kata sandi", { exact: true }).fill("lapora-demo");
  await page.getByRole("button", { name: "Masuk" }).click();
  await answerTotp(page, nrp);
  await page.getByRole("button", { name: "Keluar" }).waitFor();
}

/** Opens the report's detail and waits until its photos' thumbnail has really loaded. */
async function openWithPhoto(page: Page, nrp: string, report: Submitted) {
  await signIn(page, nrp, `/konsol/laporan/${report.id}`);
  await page.getByRole("heading", { level: 1, name: new RegExp(report.code) }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Foto bukti" }).waitFor();
  const img = page.getByRole("img", { name: "Foto 1 dari 1" });
  await img.scrollIntoViewIfNeeded();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 15_000 })
    .toBeGreaterThan(0);
  return img;
}

let withPhoto: Submitted;
let withoutPhoto: Submitted;

beforeAll(async () => {
  [h, browser] = await Promise.all([startEvidenceHarness({ web: true }), launchChromium()]);
  mkdirSync(SHOTS, { recursive: true });
  withPhoto = await submitReport("Motor saya dicuri di depan rumah, ini fotonya.", ["image/jpeg"]);
  withoutPhoto = await submitReport("Motor saya dicuri di depan rumah tadi malam, tanpa foto.", []);
  const form = withPhoto.forms[0];
  if (!form) throw new Error("no upload form");
  expect((await postWithForm(form, await gpsPhoto())).status).toBeLessThan(300);
  await h.uploads.idle();
  const [slot] = await h.deps.evidence.store.listSlots(withPhoto.id);
  expect(slot?.status).toBe("attached");
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe("photo evidence in the console", () => {
  it("SPKT sees the clean display copy and downloads the original, which is audited", async () => {
    const page = await phonePage(browser);
    const img = await openWithPhoto(page, SPKT, withPhoto);
    expect(await img.getAttribute("loading")).toBe("lazy");
    const link = page.getByRole("link", { name: /Foto 1 dari 1/ });
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toContain("noopener");
    // The thumbnail is the display copy: no GPS, no EXIF, never the original's key.
    const src = (await img.getAttribute("src")) ?? "";
    expect(src).toContain(`/display/${withPhoto.id}/1.jpg`);
    const shown = new Uint8Array(await (await fetch(src)).arrayBuffer());
    expect(await exifr.gps(shown)).toBeUndefined();
    // Sized by CSS only: nothing in the section carries a style attribute.
    const section = page.getByTestId("evidence");
    expect(await section.locator("[style]").count()).toBe(0);
    await expect(page.getByTestId("original-notice").textContent()).resolves.toContain("dicatat");
    expect(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth)).toBe(false);
    await section.screenshot({ path: join(SHOTS, "evidence-360.png") });

    const popup = page.context().waitForEvent("page", { timeout: 10_000 });
    const answer = page.waitForResponse((r) => r.url().endsWith(`/evidence/1/original`));
    await page.getByRole("button", { name: /Unduh asli/ }).click();
    const res = await answer;
    expect(res.status()).toBe(200);
    const { url } = (await res.json()) as { url: string };
    expect(url).toContain(`/evidence/${withPhoto.id}/1`);
    await popup;
    await page.getByRole("link", { name: "Buka tautan unduhan" }).waitFor();
    await page.getByTestId("audit").getByText("Mengunduh foto asli").waitFor();

    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth)).toBe(false);
    await section.screenshot({ path: join(SHOTS, "evidence-320.png") });
    await page.context().close();
  });

  it("a Bhabinkamtibmas of the desa sees the photo but may not download the original", async () => {
    const page = await phonePage(browser);
    await openWithPhoto(page, BHABIN_SOAK_BARU, withPhoto);
    expect(await page.getByRole("button", { name: /Unduh asli/ }).count()).toBe(0);
    expect(await page.getByTestId("original-notice").count()).toBe(0);
    await page.context().close();
  });

  it("a report without photos says none have arrived yet", async () => {
    const page = await phonePage(browser);
    await signIn(page, SPKT, `/konsol/laporan/${withoutPhoto.id}`);
    await expect(page.getByTestId("evidence-empty").textContent()).resolves.toMatch(/Belum ada foto/);
    expect(await page.getByTestId("evidence").locator("img").count()).toBe(0);
    await page.context().close();
  });
});
