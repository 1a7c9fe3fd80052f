import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fillReport, phonePage, seriousViolations, submitAndReadCode, useServerAndBrowser } from "./support";

// The quick exit, as a woman on a shared phone would use it: the page is replaced by a neutral one, Back
// does not return, and nothing she typed or was given stays on the phone. The neutral page is outside
// this machine's reach, so the browser is given a stand-in for it (mocked for that reason only).

const site = useServerAndBrowser();
const NEUTRAL = "https://www.bmkg.go.id/";

async function resident(): Promise<Page> {
  const page = await phonePage(site.browser, { bypassCSP: true });
  await page.context().route(`${NEUTRAL}**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: "<!doctype html><title>Cuaca</title><h1>Prakiraan cuaca</h1>",
    }),
  );
  return page;
}

/** What Lapora keeps on this phone, read from a fresh tab of the same browser profile. */
async function kept(page: Page): Promise<string[]> {
  const tab = await page.context().newPage();
  await tab.goto(`${site.server.url}/api/health`); // same origin, without the app (which saves a fresh draft)
  const keys = await tab.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("lapora")));
  await tab.close();
  return keys;
}

describe("Keluar cepat", () => {
  it("replaces the page with a neutral one, Back does not return, and the draft and secrets are gone", async () => {
    const first = await resident();
    await first.goto(site.server.url);
    await fillReport(first);
    const code = await submitAndReadCode(first);
    await first.getByRole("link", { name: "Lacak laporan ini" }).click();
    await first.getByTestId("description").waitFor(); // the secret kept on the phone opened her own view
    await first.close();
    // Later, on the same phone: a new draft, then someone comes in.
    const page = await first.context().newPage();
    await page.goto(site.server.url);
    await page.getByLabel(/Ceritakan apa yang terjadi/).fill("Draf yang belum dikirim tentang suami saya.");
    await expect(kept(page)).resolves.toEqual(
      expect.arrayContaining(["lapora.draft.v1", "lapora.reporterSecrets"]),
    );
    await expect(seriousViolations(page)).resolves.toEqual([]);

    await page.getByRole("button", { name: "Keluar cepat" }).click();
    await page.waitForURL(NEUTRAL);
    await page.getByRole("heading", { name: "Prakiraan cuaca" }).waitFor();
    expect(await kept(page)).toEqual([]);
    await page.goBack();
    expect(page.url().startsWith(site.server.url)).toBe(false);
    // Her report is still there for the police: only the phone forgot it.
    const track = await fetch(`${site.server.url}/api/reports/track/${code}`);
    expect(track.status).toBe(200);
    await page.context().close();
  });

  it("is also Escape pressed twice, from anywhere on the page, in English too", async () => {
    const page = await resident();
    await page.goto(`${site.server.url}/lacak`);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Quick exit" }).waitFor();
    await page.goto(site.server.url);
    await page.getByLabel(/Tell us what happened/).fill("A draft that must not stay on this phone.");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await page.waitForURL(NEUTRAL);
    expect(await kept(page)).toEqual([]);
    await page.context().close();
  });
});
