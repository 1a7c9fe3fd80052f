import { describe, expect, it } from "vitest";
import { CODE_PATTERN, fillReport, phonePage, submitAndReadCode, useServerAndBrowser } from "./support";

const site = useServerAndBrowser();

describe("report and track, on a phone", () => {
  it("an anonymous report gets a tracking code, and its tracking page says Diterima", async () => {
    const page = await phonePage(site.browser);
    await page.goto(site.server.url);
    await fillReport(page);
    const code = await submitAndReadCode(page);
    expect(code).toMatch(CODE_PATTERN);
    await expect.poll(() => page.getByText(/Simpan kode ini/).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("button", { name: "Salin kode" }).isVisible()).toBe(true);
    // Once sent, the draft is gone from the phone.
    expect(await page.evaluate(() => localStorage.getItem("lapora.draft.v1"))).toBeNull();

    await page.getByRole("link", { name: "Lacak laporan ini" }).click();
    await page.waitForURL(`**/lacak/${code}`);
    await expect(page.getByTestId("status").textContent()).resolves.toBe("Diterima");
    const current = page.locator('[aria-current="step"]');
    await expect(current.textContent()).resolves.toContain("Diterima");
    await expect.poll(() => page.getByText(/WIB$/).first().isVisible()).toBe(true);

    const stored = await site.server.deps.reports.getByTrackingCode(code);
    expect(stored?.reporter).toEqual({ anonymous: true });
    expect(stored?.desa).toBe("16.06.01.1011");
    await page.context().close();
  });

  it("a named report keeps name, phone and location for officers only; the bookmark shows Diterima", async () => {
    const page = await phonePage(site.browser, {
      permissions: ["geolocation"],
      geolocation: { latitude: -2.8826, longitude: 103.8431 }, // Sekayu
    });
    await page.goto(site.server.url);
    await fillReport(page, { named: { name: "Siti Aminah", phone: "0812 3456 7890" } });
    await page.getByRole("button", { name: /Gunakan lokasi saya/ }).click();
    await page.getByText(/Lokasi tersimpan/).waitFor();
    const code = await submitAndReadCode(page);

    const stored = await site.server.deps.reports.getByTrackingCode(code);
    // The form states her contact wishes, allowing SMS and calls unless she unticks them.
    expect(stored?.reporter).toEqual({
      anonymous: false,
      name: "Siti Aminah",
      phone: "+6281234567890",
      preferences: { sms: true, calls: true },
    });
    expect(stored?.location).toEqual({ lat: -2.8826, lon: 103.8431 });

    // The bookmarked address, opened fresh, as the reporter would later.
    const later = await phonePage(site.browser);
    await later.goto(`${site.server.url}/lacak/${code}`);
    await expect(later.getByTestId("status").textContent()).resolves.toBe("Diterima");
    const text = (await later.locator("main").textContent()) ?? "";
    for (const secret of ["Siti Aminah", "81234567890", "2.8826", "103.8431"])
      expect(text).not.toContain(secret);
    await page.context().close();
    await later.context().close();
  });

  it("saying it is happening now shows the call-110 notice with a tel: link", async () => {
    const page = await phonePage(site.browser);
    await page.goto(site.server.url);
    await expect(page.getByRole("alert").count()).resolves.toBe(0);
    await page.getByRole("radio", { name: "Ya, sekarang" }).check();
    const alert = page.getByRole("alert");
    await expect(alert.textContent()).resolves.toContain("Keadaan darurat?");
    await expect(alert.getByRole("link", { name: /Telepon 110/ }).getAttribute("href")).resolves.toBe(
      "tel:110",
    );
    await page.context().close();
  });

  it("the draft survives a page reload", async () => {
    const page = await phonePage(site.browser);
    await page.goto(site.server.url);
    await fillReport(page, { description: "Draf yang tidak boleh hilang saat HP dimuat ulang." });
    await page.reload();
    await expect(page.getByRole("radio", { name: /^Pencurian/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("Kecamatan").inputValue()).resolves.toBe("16.06.01");
    await expect(page.getByRole("combobox", { name: /Desa/ }).inputValue()).resolves.toBe("Soak baru");
    await expect(page.getByLabel(/Ceritakan apa yang terjadi/).inputValue()).resolves.toBe(
      "Draf yang tidak boleh hilang saat HP dimuat ulang.",
    );
    await page.context().close();
  });

  it("a mistyped tracking code is caught by its check character before anything is sent", async () => {
    const page = await phonePage(site.browser);
    const lookups: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/reports/track/")) lookups.push(r.url());
    });
    await page.goto(`${site.server.url}/lacak`);
    // A valid code with one character changed (2PNG -> 2PNH).
    await page.getByLabel("Kode laporan").fill("LPR-2PNH-FTHH-38GG-1");
    await page.getByRole("button", { name: "Lacak", exact: true }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("salah ketik");
    await expect(page.getByLabel("Kode laporan").getAttribute("aria-invalid")).resolves.toBe("true");
    expect(lookups).toEqual([]);

    await page.getByLabel("Kode laporan").fill("lpr 2png fthh 38gg 1");
    await page.getByRole("button", { name: "Lacak", exact: true }).click();
    await page.getByText("Tidak ada laporan dengan kode ini.", { exact: false }).waitFor();
    expect(page.url()).toBe(`${site.server.url}/lacak/LPR-2PNG-FTHH-38GG-1`);
    await page.context().close();
  });
});
