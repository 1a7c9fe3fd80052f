import { describe, expect, it } from "vitest";
import { countReportPosts, fillReport, phonePage, useServerAndBrowser } from "./support";

const site = useServerAndBrowser();

describe("validation before submit, with the server's rules and messages", () => {
  it("an invalid phone number shows its message next to the field and nothing is sent", async () => {
    const page = await phonePage(site.browser);
    const posts = countReportPosts(page);
    await page.goto(site.server.url);
    await fillReport(page, { named: { name: "Budi", phone: "12345" } });
    await page.getByRole("button", { name: "Kirim Laporan" }).click();

    const phone = page.getByRole("textbox", { name: /^Nomor HP/ });
    // The summary takes focus so a screen reader reads it, and it lists only the phone.
    await page.locator(".error-summary:focus").waitFor();
    await expect(page.locator(".error-summary li").allTextContents()).resolves.toEqual([
      "Nomor HP – Nomor HP tidak valid. Contoh: 0812 3456 7890.",
    ]);
    await expect(page.locator("#f-reporter-phone-error").textContent()).resolves.toContain(
      "Nomor HP tidak valid. Contoh: 0812 3456 7890.",
    );
    await expect(phone.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(phone.getAttribute("aria-describedby")).resolves.toContain("f-reporter-phone-error");

    // Fixing the field clears its message as you type; then the report goes out once.
    await phone.fill("0812-3456-7890");
    await expect(page.locator("#f-reporter-phone-error").count()).resolves.toBe(0);
    expect(posts()).toBe(0);
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    await page.getByRole("heading", { name: "Laporan terkirim" }).waitFor();
    expect(posts()).toBe(1);
    await page.context().close();
  });

  it("an empty form lists every required field and sends nothing", async () => {
    const page = await phonePage(site.browser);
    const posts = countReportPosts(page);
    await page.goto(site.server.url);
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    const items = await summary.locator("li").allTextContents();
    expect(items).toEqual([
      "Apa yang terjadi? – Wajib diisi.",
      "Apakah kejadiannya masih berlangsung sekarang? – Wajib diisi.",
      "Kecamatan – Wajib diisi.",
      "Desa/Kelurahan – Wajib diisi.",
      "Ceritakan apa yang terjadi – Ceritakan kejadian minimal 10 karakter.",
    ]);
    // Each entry jumps to its field.
    await summary.getByRole("link", { name: /^Kecamatan/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-kecamatan");
    await page.waitForTimeout(300); // nothing is sent later either
    expect(posts()).toBe(0);
    await page.context().close();
  });

  it("a desa typed but not picked from the list is refused with the list message", async () => {
    const page = await phonePage(site.browser);
    const posts = countReportPosts(page);
    await page.goto(site.server.url);
    await fillReport(page);
    await page.getByRole("combobox", { name: /Desa/ }).fill("Kampung Entah");
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    await expect(page.locator("#f-desa-error").textContent()).resolves.toContain(
      "Pilih desa/kelurahan dari daftar.",
    );
    expect(posts()).toBe(0);
    await page.context().close();
  });

  it("a refusal from the server is shown on the field it names", async () => {
    const page = await phonePage(site.browser);
    // Stands in for a rule only the server can check at that moment; the browser's own check passes.
    await page.route("**/api/reports", (route) =>
      route.fulfill({
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({
          error: "validation_failed",
          message: "The report has invalid fields.",
          details: [
            {
              field: "desa",
              code: "desa.not_in_kecamatan",
              message: "This desa is not in the chosen kecamatan.",
            },
          ],
        }),
      }),
    );
    await page.goto(site.server.url);
    await fillReport(page);
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    await expect(page.locator("#f-desa-error").textContent()).resolves.toContain(
      "Desa ini tidak berada di kecamatan yang dipilih.",
    );
    await expect(page.getByRole("combobox", { name: /Desa/ }).getAttribute("aria-invalid")).resolves.toBe(
      "true",
    );
    await page.context().close();
  });
});
