import { type StatsSeed, seedAndPublish, startTestServer } from "@lapora/testkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, phonePage, seriousViolations } from "./support";

// What reporters said, on the public Statistik page: a week of 2026-W44 (26 Oct - 1 Nov, WIB) with six
// resolved reports in Sekayu, five of whose reporters answered, and two in Bayung Lencir, both answered.

const SEKAYU = { kecamatan: "16.06.01", desa: "16.06.01.1011" };
const BAYUNG_LENCIR = { kecamatan: "16.06.09", desa: "16.06.09.1016" };
const SAYS = [
  { satisfied: true, rating: 5 },
  { satisfied: true, rating: 4 },
  { satisfied: false, rating: 2 },
  { satisfied: true, rating: 4 },
  { satisfied: true, rating: 5 },
  undefined,
];
const SEEDS: StatsSeed[] = [
  ...SAYS.map(
    (say, i): StatsSeed => ({
      at: `2026-10-2${6 + (i % 3)}T0${i}:00:00Z`,
      category: "pencurian",
      place: SEKAYU,
      verify: 30,
      resolve: 600,
      ...(say ? { say } : {}),
    }),
  ),
  ...[1, 2].map(
    (rating): StatsSeed => ({
      at: `2026-10-29T0${rating}:00:00Z`,
      category: "karhutla",
      place: BAYUNG_LENCIR,
      verify: 30,
      resolve: 600,
      say: { satisfied: false, rating },
    }),
  ),
];

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  await seedAndPublish(server.deps, SEEDS, ["2026-W44"], "say");
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("Statistik: what reporters say", () => {
  it("shows satisfaction per kecamatan from five answers, and hides it below", async () => {
    const page = await phonePage(browser, { bypassCSP: true });
    await page.goto(`${server.url}/statistik`);
    const say = page.getByTestId("reporter-say");
    await say.getByRole("heading", { name: "Kata pelapor" }).waitFor();
    const row = async (code: string) =>
      (await say.locator(`tr[data-code="${code}"]`).locator("th, td").allTextContents()).map((c) => c.trim());
    expect(await row("16.06.01")).toEqual(["Sekayu", "80%", "4 dari 5", "5"]);
    expect(await row("16.06.09")).toEqual(["Bayung Lencir", "<3 jawaban (ditampilkan mulai 5)"]);
    await expect.poll(() => say.getByText("Diverifikasi tepat waktu").isVisible()).toBe(true);
    // Every report was checked in time; the three whose reporters said "belum" were reopened and are open
    // past their week: 5 of 8 resolved in time.
    await expect(say.locator("dd").allTextContents()).resolves.toEqual([
      "100% dari 8 laporan",
      "63% dari 8 laporan",
    ]);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.getByRole("button", { name: "English" }).click();
    await say.getByRole("heading", { name: "What reporters say" }).waitFor();
    expect(await row("16.06.01")).toEqual(["Sekayu", "80%", "4 out of 5", "5"]);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.context().close();
  });
});
