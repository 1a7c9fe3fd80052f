import { type StatsSeed, seedAndPublish, startTestServer } from "@lapora/testkit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, phonePage, seriousViolations } from "./support";

const SEKAYU = { kecamatan: "16.06.01", desa: "16.06.01.1011" };
const BAYUNG_LENCIR = { kecamatan: "16.06.09", desa: "16.06.09.1016" };

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

/**
 * Three weeks of 2026 (WIB): W45 with 1 report (a hidden total), W46 with 4, all in Sekayu, and W47 with
 * 8: 6 in Sekayu and 2 in Bayung Lencir ("<3"), 6 verified (enough for times) and 3 resolved (not enough).
 */
const SEEDS: StatsSeed[] = [
  { at: "2026-11-03T03:00:00Z", category: "pencurian", place: SEKAYU },
  ...[10, 11, 12, 13].map(
    (d): StatsSeed => ({ at: `2026-11-${d}T03:00:00Z`, category: "pencurian", place: SEKAYU }),
  ),
  ...[0, 1, 2, 3, 4, 5].map(
    (i): StatsSeed => ({
      at: `2026-11-1${6 + (i % 3)}T0${i}:00:00Z`,
      category: i < 4 ? "pencurian" : "penganiayaan",
      place: SEKAYU,
      verify: 10 * (i + 1),
      ...(i < 3 ? { resolve: 120 * (i + 1) } : {}),
    }),
  ),
  { at: "2026-11-20T05:00:00Z", category: "karhutla", place: BAYUNG_LENCIR },
  // 23:59 Sunday WIB: still W47.
  { at: "2026-11-22T16:59:00Z", category: "narkoba", place: BAYUNG_LENCIR },
];

const seed = () => seedAndPublish(server.deps, SEEDS, ["2026-W45", "2026-W46", "2026-W47"], "stats");

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  await seed();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A bar chart as drawn: each bar's label and number, top to bottom. */
async function chartRows(page: Page, chart: string): Promise<string[][]> {
  const svg = page.locator(`[data-chart="${chart}"] svg[role="img"]`);
  const labels = await svg.locator(".bar-label").allTextContents();
  const values = await svg.locator(".bar-value").allTextContents();
  return labels.map((l, i) => [l, values[i] ?? ""]);
}

/** The same chart's table alternative, opened the way a reader would, as rows of cells. */
async function tableRows(page: Page, chart: string): Promise<string[][]> {
  const section = page.locator(`[data-chart="${chart}"]`);
  await section.getByText(/Lihat angka dalam tabel|Show the numbers as a table/).click();
  const table = section.getByRole("table");
  await table.waitFor();
  const rows = await table.locator("tbody tr").all();
  return Promise.all(
    rows.map(async (row) => (await row.locator("th, td").allTextContents()).map((c) => c.trim())),
  );
}

describe("Statistik: the public weekly figures", () => {
  it("shows the latest week: total, change, kecamatan, hidden small counts and honest response times", async () => {
    const page = await phonePage(browser);
    await page.goto(`${server.url}/statistik`);
    await page.getByRole("heading", { level: 1, name: "Statistik" }).waitFor();
    await expect(page.getByLabel("Minggu", { exact: true }).inputValue()).resolves.toBe("2026-W47");
    await expect(page.getByTestId("total").textContent()).resolves.toBe("8");
    await expect(page.getByTestId("change").textContent()).resolves.toMatch(/naik 4 .*\(4 laporan\)/);
    await expect(page.getByText("Senin–Minggu, 16–22 November 2026, WIB").count()).resolves.toBe(1);

    const kecamatan = await chartRows(page, "kecamatan");
    expect(kecamatan.slice(0, 2)).toEqual([
      ["Sekayu", "6"],
      ["Bayung Lencir", "<3"],
    ]);
    await expect(page.locator('[data-chart="kecamatan"] .zeros').textContent()).resolves.toMatch(
      /^Tidak ada laporan: Babat Supat, .*, Tungkal Jaya\.$/,
    );
    await expect(page.locator('[data-chart="kecamatan"] .bar-hidden').count()).resolves.toBe(1);
    expect(await chartRows(page, "category")).toContainEqual(["Kebakaran hutan/lahan", "<3"]);
    await expect
      .poll(() => page.getByText("<3 berarti 1 atau 2 laporan", { exact: false }).isVisible())
      .toBe(true);

    const verify = page.getByTestId("time-verify");
    await expect.poll(() => verify.getByText("35 menit").isVisible()).toBe(true); // median of 10..60 min
    await expect.poll(() => verify.getByText("paling lama 1 jam").isVisible()).toBe(true); // p90
    await expect(verify.textContent()).resolves.toContain("dihitung dari 6 laporan");
    const resolve = page.getByTestId("time-resolve");
    await expect.poll(() => resolve.getByText("Data belum cukup").isVisible()).toBe(true);
    await expect(resolve.textContent()).resolves.toContain("Baru 3 laporan");
    await expect(resolve.textContent()).resolves.not.toMatch(/\b0 menit/);
    await page.context().close();
  });

  it("gives every chart a table with the same numbers", async () => {
    const page = await phonePage(browser);
    await page.goto(`${server.url}/statistik`);
    await page.getByTestId("total").waitFor();
    for (const chart of ["category", "kecamatan", "status"]) {
      const drawn = await chartRows(page, chart);
      expect(drawn.length).toBeGreaterThan(0);
      // The table has the drawn rows in the same order, then the rows with no reports.
      const table = await tableRows(page, chart);
      expect(table.slice(0, drawn.length)).toEqual(drawn);
      const zeros = table.slice(drawn.length);
      expect(zeros.every(([, n]) => n === "0")).toBe(true);
      const listed = await page.locator(`[data-chart="${chart}"] .zeros`).allTextContents();
      for (const [name] of zeros) expect(listed.join("")).toContain(name);
    }
    await expect(page.locator('[data-chart="kecamatan"] tbody tr').count()).resolves.toBe(15);
    const svg = page.locator('[data-chart="kecamatan"] svg');
    await expect(svg.getAttribute("aria-label")).resolves.toContain("Terbanyak: Sekayu, 6 laporan.");

    // The 12-week trend: W45's total is hidden, W46 and W47 are exact, earlier weeks were never published.
    const trend = page.getByRole("table", { name: "Jumlah laporan per minggu" });
    await page.locator(".trend details").first().locator("summary").click();
    const cells = (await trend.locator("tbody td").allTextContents()).map((c) => c.trim());
    expect(cells.slice(-3)).toEqual(["<3", "4", "8"]);
    expect(cells.slice(0, 9).every((c) => c === "tidak terbit")).toBe(true);
    await expect(page.locator(".trend svg.columns .column-value").allTextContents()).resolves.toEqual(
      cells.map((c) => (c === "tidak terbit" ? "–" : c)),
    );

    await page.getByRole("radio", { name: "Kecamatan" }).check();
    await expect(
      page.getByRole("img", { name: /^Sekayu, 12 minggu terakhir: .*, 4, 6\.$/ }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole("img", { name: /^Bayung Lencir, .*, 0, <3\.$/ }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it("switches weeks with the picker, and each week has its own address", async () => {
    const page = await phonePage(browser);
    await page.goto(`${server.url}/statistik`);
    await page.getByTestId("total").waitFor();
    await page.getByLabel("Minggu", { exact: true }).selectOption("2026-W46");
    await page.waitForURL(/\/statistik\/2026-W46$/);
    await expect.poll(() => page.getByTestId("total").textContent()).toBe("4");
    await expect(page.getByTestId("change").textContent()).resolves.toContain("angka kecil disembunyikan");
    await expect(page.getByTestId("time-verify").getByText("Data belum cukup").count()).resolves.toBe(1);
    expect(await chartRows(page, "kecamatan")).toContainEqual(["Sekayu", "4"]);

    await page.goto(`${server.url}/statistik/2026-W45`);
    await expect(page.getByTestId("total").textContent()).resolves.toBe("<3");
    await expect(page.getByLabel("Minggu", { exact: true }).inputValue()).resolves.toBe("2026-W45");

    await page.goto(`${server.url}/statistik/2026-W30`);
    await page.getByText("Statistik untuk minggu ini belum diterbitkan", { exact: false }).waitFor();
    await expect(page.getByTestId("total").count()).resolves.toBe(0);
    await page.context().close();
  });

  it("offers the week's open data as working JSON and CSV downloads", async () => {
    const page = await phonePage(browser);
    await page.goto(`${server.url}/statistik`);
    const csv = page.getByRole("link", { name: /Unduh CSV/ });
    const json = page.getByRole("link", { name: /Unduh JSON/ });
    await csv.waitFor();
    const csvRes = await page.request.get(new URL((await csv.getAttribute("href")) ?? "", server.url).href);
    expect(csvRes.status()).toBe(200);
    expect(csvRes.headers()["content-type"]).toContain("text/csv");
    expect(await csvRes.text()).toContain("2026-W47,kecamatan,16.06.09,Bayung Lencir,<3");
    const jsonRes = await page.request.get(new URL((await json.getAttribute("href")) ?? "", server.url).href);
    expect(jsonRes.status()).toBe(200);
    expect(jsonRes.headers()["content-type"]).toContain("application/json");
    expect(await jsonRes.json()).toMatchObject({ week: "2026-W47", total: 8 });
    await page.context().close();
  });

  it("reads in English, and axe-core finds no serious or critical problem in either language", async () => {
    // axe is injected as a script file, which the app's CSP would refuse: only this context bypasses it.
    const page = await phonePage(browser, { bypassCSP: true });
    await page.goto(`${server.url}/statistik`);
    await page.getByTestId("total").waitFor();
    await page.locator(".trend svg.columns").waitFor();
    for (const d of await page.locator("details").all()) await d.locator("summary").click();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Statistics" }).waitFor();
    await expect
      .poll(() => page.getByTestId("time-resolve").getByText("Not enough data").isVisible())
      .toBe(true);
    await expect(page.getByText(/^Monday to Sunday, 16\s?–\s?22 November 2026, WIB$/).count()).resolves.toBe(
      1,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("does not load the charts on the report form", async () => {
    const page = await phonePage(browser);
    const scripts: string[] = [];
    page.on("request", (req) => {
      if (req.resourceType() === "script" || req.resourceType() === "stylesheet") scripts.push(req.url());
    });
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Buat Laporan" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(scripts.some((u) => /stats-page/.test(u))).toBe(false);

    await page.getByRole("link", { name: "Statistik" }).click();
    await page.getByTestId("total").waitFor();
    expect(scripts.some((u) => /stats-page.*\.js$/.test(u))).toBe(true);
    await page.context().close();
  });
});
