import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { phonePage, useServerAndBrowser } from "./support";

const site = useServerAndBrowser();

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}|${el.textContent?.trim() ?? ""}` : "";
  });

/** Presses Tab until the focused element matches, as a keyboard user would; fails after 40 presses. */
async function tabTo(page: Page, matches: (focus: string) => boolean): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached the control; last focus: ${await focused(page)}`);
}

describe("keyboard only", () => {
  it("a report can be filled and sent without touching the screen", async () => {
    const page = await phonePage(site.browser);
    await page.goto(site.server.url);

    await tabTo(page, (f) => f.startsWith("input#f-category"));
    await page.keyboard.press("Space"); // Pencurian
    await tabTo(page, (f) => f.startsWith("input#f-happeningNow"));
    await page.keyboard.press("ArrowRight"); // Tidak
    await tabTo(page, (f) => f.startsWith("select#f-kecamatan"));
    await page.keyboard.press("ArrowDown"); // Sekayu, the first kecamatan
    await tabTo(page, (f) => f.startsWith("input#f-desa"));
    await page.keyboard.type("bala");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter"); // picks the active option, does not submit
    await expect(page.getByRole("combobox", { name: /Desa/ }).inputValue()).resolves.toBe("Balai Agung");
    await tabTo(page, (f) => f.startsWith("textarea#f-description"));
    await page.keyboard.type("Sepeda motor hilang dari teras rumah.");
    await tabTo(page, (f) => f.endsWith("|Kirim Laporan"));
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { name: "Laporan terkirim" }).waitFor();
    await expect(focused(page)).resolves.toContain("Laporan terkirim"); // focus moved to the result
    const code = (await page.getByTestId("tracking-code").textContent()) ?? "";
    const stored = await site.server.deps.reports.getByTrackingCode(code);
    expect(stored).toMatchObject({ category: "pencurian", happeningNow: false, desa: "16.06.01.1012" });
    await page.context().close();
  });
});
