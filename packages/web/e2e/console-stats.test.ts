import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StatsSeed, seedAndPublish, startTestServer } from "@lapora/testkit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTotp, launchChromium, phonePage, seriousViolations } from "./support";

// The leadership statistics in the officers' console: the unsuppressed weekly figures, down to desa level.

const PIMPINAN = "80010005";
const BHABIN = "80010002";
const SOAK_BARU = { kecamatan: "16.06.01", desa: "16.06.01.1011" };
const BALAI_AGUNG = { kecamatan: "16.06.01", desa: "16.06.01.1012" };
const BAYUNG_LENCIR = { kecamatan: "16.06.09", desa: "16.06.09.1016" };
const SHOTS = process.env.LAPORA_SHOTS ?? join(tmpdir(), "lapora-console-shots");

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

/**
 * 2026-W46 with 2 reports; 2026-W47 with 5: 3 in Soak baru, 1 in Balai Agung and 1 in Bayung Lencir
 * (the public page shows those as "<3"; this one must not), 2 verified after 30 and 90 minutes.
 */
const SEEDS: StatsSeed[] = [
  { at: "2026-11-10T03:00:00Z", category: "pencurian", place: SOAK_BARU },
  { at: "2026-11-11T03:00:00Z", category: "narkoba", place: SOAK_BARU },
  { at: "2026-11-16T03:00:00Z", category: "pencurian", place: SOAK_BARU, verify: 30 },
  { at: "2026-11-17T03:00:00Z", category: "pencurian", place: SOAK_BARU, verify: 90 },
  { at: "2026-11-18T03:00:00Z", category: "penganiayaan", place: SOAK_BARU },
  { at: "2026-11-19T03:00:00Z", category: "pencurian", place: BALAI_AGUNG },
  { at: "2026-11-20T05:00:00Z", category: "karhutla", place: BAYUNG_LENCIR },
];

const seed = () => seedAndPublish(server.deps, SEEDS, ["2026-W46", "2026-W47"], "pimp");

async function signIn(page: Page, nrp: string, path = "/konsol"): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel("NRP").fill(nrp);
  await page.getByLabel("Kata sandi", { exact: true }).fill("lapora-demo");
  await page.getByRole("button", { name: "Masuk" }).click();
  await answerTotp(page, nrp);
  await page.getByRole("button", { name: "Keluar" }).waitFor();
}

/** A table's body rows as cell texts, by the table's panel. */
async function rows(page: Page, table: string): Promise<string[][]> {
  const trs = await page.locator(`[data-table="${table}"] tbody tr`).all();
  return Promise.all(
    trs.map(async (tr) => (await tr.locator("th, td").allTextContents()).map((c) => c.trim())),
  );
}

/** True when the page, or a table within its panel, is wider than the space it has. */
const overflows = (page: Page) =>
  page.evaluate(
    () =>
      document.documentElement.scrollWidth > document.documentElement.clientWidth ||
      [...document.querySelectorAll("table")].some(
        (t) => t.offsetWidth > (t.parentElement?.clientWidth ?? 0),
      ),
  );

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  mkdirSync(SHOTS, { recursive: true });
  await seed();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("Statistik pimpinan in the console", () => {
  it("shows pimpinan the latest week unsuppressed, down to a desa with a single report", async () => {
    const page = await phonePage(browser, { bypassCSP: true }); // for axe only
    await signIn(page, PIMPINAN);
    await page
      .getByRole("navigation", { name: "Menu konsol" })
      .getByRole("link", { name: "Statistik pimpinan" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Statistik pimpinan" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/konsol/statistik");
    await expect(page.getByTestId("internal-note").textContent()).resolves.toMatch(
      /^Internal, bukan untuk dipublikasikan\. Angka lengkap sampai tingkat desa/,
    );
    await expect(page.getByLabel("Minggu", { exact: true }).inputValue()).resolves.toBe("2026-W47");
    await expect(page.getByTestId("total").textContent()).resolves.toBe("5");
    await expect(page.getByTestId("change").textContent()).resolves.toBe(
      "naik 3 (minggu sebelumnya 2 laporan)",
    );

    // The exact desa figures, grouped by kecamatan: a desa with one report shows 1, never "<3".
    await expect(rows(page, "desa")).resolves.toEqual([
      ["Bayung Lencir", "Bayung Lencir", "1"],
      ["Sekayu", "Balai Agung", "1"],
      ["Sekayu", "Soak baru", "3"],
    ]);
    await expect(page.locator('[data-desa="16.06.09.1016"] td.num').textContent()).resolves.toBe("1");
    await expect(page.locator("table").getByText("<3").count()).resolves.toBe(0);
    const kecamatan = await rows(page, "kecamatan");
    expect(kecamatan.slice(0, 2)).toEqual([
      ["Sekayu", "4"],
      ["Bayung Lencir", "1"],
    ]);
    expect(await rows(page, "category")).toContainEqual(["Pencurian", "3", "1"]);
    expect(await rows(page, "category")).toContainEqual(["Kebakaran hutan/lahan", "1", "0"]);
    expect(await rows(page, "status")).toContainEqual(["Diverifikasi", "2"]);
    // Median of 30 and 90 minutes; p90 by nearest rank; nothing resolved yet.
    await expect(rows(page, "times")).resolves.toEqual([
      ["Sampai diverifikasi", "1 jam", "1 jam 30 menit", "2"],
      ["Sampai selesai", "belum ada data"],
    ]);
    expect(await overflows(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "stats-360.png"), fullPage: true });

    // The week picker moves to the previous week, at its own address.
    await page.getByLabel("Minggu", { exact: true }).selectOption("2026-W46");
    await page.waitForURL(/\/konsol\/statistik\/2026-W46$/);
    await page.getByTestId("total").filter({ hasText: "2" }).waitFor();
    await expect(rows(page, "desa")).resolves.toEqual([["Sekayu", "Soak baru", "2"]]);

    // At 320 px nothing forces sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: join(SHOTS, "stats-320.png"), fullPage: true });
    await page.context().close();
  });

  it("gives a Bhabinkamtibmas no link, and the forbidden message at the address", async () => {
    const page = await phonePage(browser);
    await signIn(page, BHABIN);
    await expect(page.getByRole("link", { name: "Statistik pimpinan" }).count()).resolves.toBe(0);
    await page.goto(`${server.url}/konsol/statistik/2026-W47`);
    await page.getByRole("heading", { level: 1, name: /hanya untuk peran Pimpinan dan SPKT/ }).waitFor();
    await expect.poll(() => page.getByTestId("forbidden").isVisible()).toBe(true);
    await expect(page.getByTestId("total").count()).resolves.toBe(0);
    // The server refuses too, whatever the page shows.
    const token = await page.evaluate(
      () =>
        (JSON.parse(sessionStorage.getItem("lapora.console.session") ?? "{}") as { idToken?: string })
          .idToken,
    );
    const res = await fetch(`${server.url}/api/officer/stats/weekly/2026-W47`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(403);
    await page.context().close();
  });
});
