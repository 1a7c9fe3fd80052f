import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../../local/test/harness";
import { fillReport, launchChromium, phonePage, submitAndReadCode } from "./support";

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PAYLOAD = 'Pencuri masuk <img src=x onerror=alert(1)> lewat jendela <script>alert(2)</script> "quoted"';

describe("what a resident typed is never HTML", () => {
  it("a description with markup is shown as text on the tracking page, and nothing runs", async () => {
    // The CSP would block an inline onerror anyway; with it bypassed, only rendering-as-text protects
    // the page, so this test fails if any user text ever reaches innerHTML.
    const page = await phonePage(browser, { bypassCSP: true });
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(server.url);
    await fillReport(page, { description: PAYLOAD });
    const code = await submitAndReadCode(page);
    await page.goto(`${server.url}/lacak/${code}`);

    const description = page.getByTestId("description");
    await expect(description.textContent()).resolves.toBe(PAYLOAD);
    await expect(description.locator("img, script").count()).resolves.toBe(0);
    await expect(page.locator("main img").count()).resolves.toBe(0);
    await page.waitForTimeout(500); // a broken image's onerror fires asynchronously
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
