import { describe, expect, it } from "vitest";
import { fillReport, phonePage, submitAndReadCode, useServerAndBrowser } from "./support";

const site = useServerAndBrowser();

describe("Indonesian by default, English on request, remembered", () => {
  it("switches the whole page, including validation messages, and keeps English after a reload", async () => {
    const page = await phonePage(site.browser);
    await page.goto(site.server.url);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Buat Laporan");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("id");

    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Make a Report");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await expect(page.getByRole("radio", { name: /^Theft/ }).count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Send Report" }).click();
    await expect(page.locator("#f-kecamatan-error").textContent()).resolves.toContain(
      "This field is required.",
    );
    await expect(page.locator("#f-description-error").textContent()).resolves.toContain(
      "Describe what happened in at least 10 characters.",
    );

    await page.reload();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Make a Report");
    await expect.poll(() => page.title()).toContain("Make a Report");

    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Buat Laporan");
    await page.reload();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Buat Laporan");
    await page.context().close();
  });

  it("the tracking page in English shows the status and times in WIB", async () => {
    const page = await phonePage(site.browser, { locale: "en-GB" });
    await page.goto(site.server.url);
    await fillReport(page);
    const code = await submitAndReadCode(page);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("link", { name: "Track this report" }).click();
    await expect(page.getByTestId("status").textContent()).resolves.toBe("Received");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Track a Report");
    const stored = await site.server.deps.reports.getByTrackingCode(code);
    const wib = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Jakarta",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date(stored?.createdAt ?? 0));
    const times = await page.locator("time").allTextContents();
    expect(times[0]).toMatch(new RegExp(`${wib} WIB$`));
    await page.context().close();
  });
});
