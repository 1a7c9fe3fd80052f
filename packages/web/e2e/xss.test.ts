import { describe, expect, it } from "vitest";
import { fillReport, phonePage, submitAndReadCode, useServerAndBrowser } from "./support";

const site = useServerAndBrowser();

const PAYLOAD = 'Pencuri masuk <img src=x onerror=alert(1)> lewat jendela <script>alert(2)</script> "quoted"';

describe("what a resident typed is never HTML", () => {
  it("a description with markup is shown as text on the tracking page, and nothing runs", async () => {
    // The CSP would block an inline onerror anyway; with it bypassed, only rendering-as-text protects
    // the page, so this test fails if any user text ever reaches innerHTML.
    const page = await phonePage(site.browser, { bypassCSP: true });
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(site.server.url);
    await fillReport(page, { description: PAYLOAD });
    const code = await submitAndReadCode(page);
    await page.goto(`${site.server.url}/lacak/${code}`);

    const description = page.getByTestId("description");
    await expect(description.textContent()).resolves.toBe(PAYLOAD);
    await expect(description.locator("img, script").count()).resolves.toBe(0);
    await expect(page.locator("main img").count()).resolves.toBe(0);
    await page.waitForTimeout(500); // a broken image's onerror fires asynchronously
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
