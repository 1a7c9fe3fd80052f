import { describe, expect, it } from "vitest";
import { fillReport, phonePage, seriousViolations, submitAndReadCode, useServerAndBrowser } from "./support";

const site = useServerAndBrowser();

// axe is injected as a script file; the app's CSP (script-src 'self') would refuse it, so only these
// contexts bypass the CSP.
const axePage = () => phonePage(site.browser, { bypassCSP: true });

describe("axe-core finds no serious or critical problem", () => {
  it("on the report form: empty, with errors, and with every optional part open", async () => {
    const page = await axePage();
    await page.goto(site.server.url);
    await page.getByRole("heading", { name: "Buat Laporan" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("radio", { name: "Ya, sekarang" }).check();
    await page.getByRole("radio", { name: /Cantumkan nama/ }).check();
    await page.getByLabel("Kecamatan").selectOption({ label: "Lais" });
    await page.getByRole("combobox", { name: /Desa/ }).click();
    await page.getByRole("listbox").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("on the success screen and the tracking page, in both languages", async () => {
    const page = await axePage();
    await page.goto(site.server.url);
    await fillReport(page);
    const code = await submitAndReadCode(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${site.server.url}/lacak/${code}`);
    await page.getByTestId("status").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByText("Received", { exact: true }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${site.server.url}/lacak/LPR-0000`);
    await page.getByRole("alert").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
