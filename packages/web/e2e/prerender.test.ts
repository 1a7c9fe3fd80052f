import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { phonePage, seriousViolations, submitAndReadCode, useServerAndBrowser } from "./support";

// The report form is in index.html itself (prerendered at build time), so on a slow link the resident can
// start before the script arrives. Here the script is held back until she has chosen and typed: when it
// runs, what she entered is still there and is what gets sent. Other pages' HTML carries no form.

const site = useServerAndBrowser();

describe("the prerendered report form", () => {
  it("can be filled before its script arrives, and keeps what was entered when the script takes over", async () => {
    const page = await phonePage(site.browser, { bypassCSP: true });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // The page's own script is held, so the page never finishes loading: wait only for its first bytes.
    await page.goto(site.server.url, { waitUntil: "commit" });
    const description = page.getByLabel(/Ceritakan apa yang terjadi/);
    const when = page.getByLabel(/Kapan kejadiannya/);
    const send = page.getByRole("button", { name: "Kirim Laporan" });
    await page.getByRole("radio", { name: /^Pencurian/ }).check();
    await page.getByRole("radio", { name: "Tidak", exact: true }).check();
    await page.getByRole("radio", { name: /Cantumkan nama/ }).check();
    await description.fill("Motor saya dicuri di depan warung tadi pagi.");
    await expect(
      page.evaluate(() => document.getElementById("app")?.hasAttribute("data-prerendered")),
    ).resolves.toBe(true);
    // Before the app: the browser cannot send the form by itself, and no build-time date is offered.
    await expect(send.isDisabled()).resolves.toBe(true);
    await expect(when.inputValue()).resolves.toBe("");
    await expect(seriousViolations(page)).resolves.toEqual([]);

    release();
    await expect
      .poll(() => page.evaluate(() => document.getElementById("app")?.hasAttribute("data-prerendered")))
      .toBe(false);
    await expect(page.getByRole("radio", { name: /^Pencurian/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("radio", { name: "Tidak", exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("radio", { name: /Cantumkan nama/ }).isChecked()).resolves.toBe(true);
    await expect(description.inputValue()).resolves.toBe("Motor saya dicuri di depan warung tadi pagi.");
    await expect(when.inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await expect(send.isDisabled()).resolves.toBe(false);
    await expect(page.locator("form.report-form").count()).resolves.toBe(1);

    // The rest of the form, then sent: the report holds what was chosen and typed before the script ran.
    await page.getByLabel("Kecamatan").selectOption({ label: "Sekayu" });
    await page.getByRole("combobox", { name: /Desa/ }).fill("soak");
    await page.getByRole("option", { name: "Soak baru" }).click();
    await page.getByRole("textbox", { name: /^Nama/ }).fill("Budi Santoso");
    await page.getByRole("textbox", { name: /^Nomor HP/ }).fill("0813 5555 0177");
    await submitAndReadCode(page);
    const { Items = [] } = await site.server.deps.client.send(
      new ScanCommand({ TableName: site.server.deps.tableName }),
    );
    const stored = Items.filter(
      (i) => i.sk === "$report_1" && String(i.description).startsWith("Motor saya dicuri di depan warung"),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      category: "pencurian",
      happeningNow: false,
      description: "Motor saya dicuri di depan warung tadi pagi.",
    });
    expect(JSON.stringify(stored[0])).toContain("Budi Santoso");
    await page.context().close();
  });

  it("is styled even where a policy refuses its inline stylesheet: the app links the same styles as a file", async () => {
    const page = await phonePage(site.browser);
    // A deploy's moment where the new page meets the old policy: the served hash is not this page's.
    await page.route(`${site.server.url}/`, async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      headers["content-security-policy"] = (headers["content-security-policy"] ?? "").replace(
        /'sha256-[^']+'/,
        "'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='",
      );
      await route.fulfill({ response, headers });
    });
    await page.goto(site.server.url);
    await expect
      .poll(() => page.evaluate(() => document.getElementById("app")?.hasAttribute("data-prerendered")))
      .toBe(false);
    await expect
      .poll(() =>
        page
          .locator("label.choice")
          .first()
          .evaluate((el) => getComputedStyle(el).display),
      )
      .not.toBe("inline");
    await expect(page.locator('link[rel="stylesheet"]').count()).resolves.toBe(1);
    await page.context().close();
  });

  it("paints with its inline stylesheet, which the served CSP allows by hash and nothing else", async () => {
    const page = await phonePage(site.browser); // the real CSP, not bypassed
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(site.server.url);
    const csp = (await response?.headerValue("content-security-policy")) ?? "";
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(csp).toContain("script-src 'self';");
    // The form's own styles apply: the category choices are laid out as the stylesheet says, not as the
    // browser's defaults (an unstyled radio label is inline).
    const display = await page
      .locator("label.choice")
      .first()
      .evaluate((el) => getComputedStyle(el).display);
    expect(display).not.toBe("inline");
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it("is only at /: a tracking or statistics link's HTML has the app's frame without the form", async () => {
    const html = async (path: string) => (await fetch(`${site.server.url}${path}`)).text();
    expect(await html("/")).toContain('class="report-form"');
    for (const path of ["/lacak/LPR-AAAA-BBBB-CCCC-D", "/statistik", "/privasi"]) {
      const page = await html(path);
      expect(page, path).toContain('<div id="app"></div>');
      expect(page, path).not.toContain('class="report-form"');
      expect(page, path).toContain("<style data-href="); // the same frame and styles, so it paints as soon
    }
  });
});
