import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  fillReport,
  phonePage,
  seriousViolations,
  signInOfficer,
  submitAndReadCode,
  useServerAndBrowser,
} from "./support";

// Safe from a shared phone, in Chromium against the local runtime: a KDRT report leaves nothing on the
// phone, the form points to SAPA 129 and Unit PPA, her wishes reach the officer's console above her
// contact, she can erase her contact from her own view, and the privacy page says what is kept. axe
// looks at every new part in both languages.

const site = useServerAndBrowser();
const SPKT = "80010001";

/** Every key Lapora keeps on this phone, local and session storage. */
const storedKeys = (page: Page) =>
  page.evaluate(() =>
    [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith("lapora")),
  );

async function wishes(page: Page) {
  await page.getByRole("checkbox", { name: "Boleh dikirimi SMS" }).uncheck();
  await page.getByLabel("Dari jam").fill("09:00");
  await page.getByLabel("Sampai jam").fill("15:00");
  await page.getByRole("checkbox", { name: "Jangan datang ke rumah saya" }).check();
  await page.getByRole("textbox", { name: /Nomor aman lain/ }).fill("0813 5555 0102");
}

describe("a report of domestic violence from a shared phone", () => {
  let code = "";

  it("keeps nothing on the phone, shows the referral and a neutral title, and offers to clear what is left", async () => {
    const page = await phonePage(site.browser, { bypassCSP: true });
    await page.goto(site.server.url);
    await fillReport(page, {
      category: "KDRT",
      description: "Suami saya memukul saya tadi malam di rumah.",
      named: { name: "Sri Wahyuni", phone: "0813 5555 0101" },
    });
    await wishes(page);
    const referral = page.getByTestId("referral");
    await expect(referral.textContent()).resolves.toMatch(/129.*08111-129-129.*Unit PPA/s);
    await expect.poll(() => page.title()).toBe("Catatan");
    await expect.poll(() => page.getByText(/isian Anda tidak disimpan di HP ini/).isVisible()).toBe(true);
    expect(await storedKeys(page)).not.toContain("lapora.draft.v1");
    await expect(seriousViolations(page)).resolves.toEqual([]);

    // A reload loses what she typed: it was in the page's memory only.
    await page.reload();
    await page.getByRole("heading", { name: "Buat Laporan" }).waitFor();
    expect(await storedKeys(page)).not.toContain("lapora.draft.v1");
    await expect(page.getByLabel(/Ceritakan apa yang terjadi/).inputValue()).resolves.toBe("");

    // The same in English, axe included.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("radio", { name: /^Sexual violence/ }).check();
    await page.getByRole("heading", { name: "You are not alone" }).waitFor();
    await expect.poll(() => page.title()).toBe("Notes");
    await page.getByRole("radio", { name: /Give my name/ }).check();
    await page.getByRole("checkbox", { name: "Do not come to my house" }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();

    await fillReport(page, {
      category: "KDRT",
      description: "Suami saya memukul saya tadi malam di rumah.",
      named: { name: "Sri Wahyuni", phone: "0813 5555 0101" },
    });
    await wishes(page);
    code = await submitAndReadCode(page);
    await expect.poll(() => page.title()).toBe("Catatan");
    await expect.poll(() => page.getByText(/Kunci tidak disimpan di HP ini/).isVisible()).toBe(true);
    expect(await storedKeys(page)).not.toContain("lapora.reporterSecrets");
    await expect(seriousViolations(page)).resolves.toEqual([]);

    await page.getByTestId("clear-trace").click();
    await page.getByText(/Tidak ada lagi yang tersimpan Lapora di HP ini/).waitFor();
    expect(await storedKeys(page)).toEqual([]);
    await page.context().close();
  });

  it("shows her wishes to SPKT above her contact, in both languages", async () => {
    const spkt = await phonePage(site.browser, { bypassCSP: true });
    await signInOfficer(spkt, site.server.url, SPKT, `/konsol/laporan/${code}`);
    const banner = spkt.getByTestId("contact-wishes");
    await banner.waitFor();
    const text = (await banner.textContent()) ?? "";
    expect(text).toContain("Jangan kirim SMS.");
    expect(text).toContain("pukul 09:00–15:00 WIB.");
    expect(text).toContain("Jangan datang ke rumah pelapor.");
    expect(text).toContain("+6281355550102");
    // Above the contact, so it is read before the number is dialled.
    const order = await spkt.evaluate(() => {
      const wishes = document.querySelector("[data-testid=contact-wishes]");
      const name = document.querySelector("[data-testid=reporter-name]");
      return wishes && name ? wishes.compareDocumentPosition(name) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
    await expect(seriousViolations(spkt)).resolves.toEqual([]);
    await spkt.getByRole("button", { name: "English" }).click();
    await spkt.getByText("Do not go to the reporter's house.").waitFor();
    await expect(seriousViolations(spkt)).resolves.toEqual([]);
    await spkt.context().close();
  });
});

describe("the reporter's data", () => {
  it("can be erased by her from her own view", async () => {
    const page = await phonePage(site.browser, { bypassCSP: true });
    page.on("dialog", (d) => void d.accept());
    await page.goto(site.server.url);
    await fillReport(page, { named: { name: "Budi Santoso", phone: "0813 5555 0103" } });
    await submitAndReadCode(page);
    await page.getByRole("link", { name: "Lacak laporan ini" }).click();
    await page.getByRole("heading", { name: "Data kontak Anda" }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.getByRole("button", { name: "Hapus data kontak saya" }).click();
    await expect(page.getByTestId("contact-erased").textContent()).resolves.toMatch(
      /Data kontak Anda sudah dihapus \(.+ WIB\)\./,
    );
    await page.getByRole("button", { name: "English" }).click();
    await page.getByText(/Your contact details were erased/).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.context().close();
  });

  it("is explained on the privacy page, linked from the form and the footer, in both languages", async () => {
    const page = await phonePage(site.browser, { bypassCSP: true });
    await page.goto(site.server.url);
    await page.getByRole("radio", { name: /Cantumkan nama/ }).check();
    await page.getByRole("link", { name: "Data apa yang kami simpan?" }).click();
    await page.getByRole("heading", { name: "Data kami simpan", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Cara meminta data Anda dihapus" }).waitFor();
    await expect(
      page.getByText(/dihapus otomatis 90 hari setelah laporan ditutup/).isVisible(),
    ).resolves.toBe(true);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.goto(`${site.server.url}/statistik`);
    await page.getByRole("contentinfo").getByRole("link", { name: "Data kami simpan" }).click();
    await page.getByRole("heading", { name: "Siapa yang bisa melihat" }).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "What data we keep", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "How to have your data erased" }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.context().close();
  });
});
