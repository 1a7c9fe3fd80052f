import { totpCode } from "@lapora/testkit";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoTotpCode, phonePage, seriousViolations, useServerAndBrowser } from "./support";

// Every officer signs in with a TOTP code after the password; a new officer first adds Lapora to an
// authenticator app from a QR code or the key. The local issuer enforces it as Cognito does in AWS.

const site = useServerAndBrowser();
const SPKT = "80010001";

/** A new officer on the roster, as an admin adds one; the answer's temporary password signs them in. */
async function newOfficer(nrp: string): Promise<string> {
  const admin = await site.server.issuer.sign("80010006");
  const res = await fetch(`${site.server.url}/api/admin/officers`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${admin}` },
    body: JSON.stringify({ nrp, name: "Bripda Sari Wulandari", role: "spkt", phone: "0813 5555 0101" }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { temporaryPassword: string }).temporaryPassword;
}

async function password(page: Page, nrp: string, secret: string) {
  await page.goto(`${site.server.url}/konsol`);
  await page.getByLabel("NRP").fill(nrp);
  await page.getByLabel("Kata sandi", { exact: true }).fill(secret);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** The element that has the focus, as `tag:text`. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return `${el?.tagName.toLowerCase()}:${el?.id || el?.textContent?.trim() || ""}`;
  });

/** The texts that describe the code box to a screen reader: hint and error, by aria-describedby. */
const codeDescription = (page: Page) =>
  page.evaluate(() =>
    (document.getElementById("signin-code")?.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent?.trim()),
  );

describe("a new officer's first sign-in enrols an authenticator app", () => {
  it("shows a QR code and the key, refuses a wrong first code, and lets the right one in", async () => {
    const nrp = "80040001";
    const temporary = await newOfficer(nrp);
    // The app's own CSP, not bypassed: the QR code must draw under it (SVG elements, a script file).
    const page = await phonePage(site.browser);
    const blocked: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await password(page, nrp, temporary);
    await page.getByRole("heading", { name: "Pasang aplikasi autentikator" }).waitFor();
    expect(await focused(page)).toBe("h1:page-title");
    const qr = page.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" });
    await qr.waitFor();
    await expect(qr.locator("path").getAttribute("d")).resolves.toMatch(/^M\d+ \d+h1v1h-1z/);
    // The key for typing by hand: base32 in groups of four.
    const shown = (await page.getByTestId("totp-key").textContent()) ?? "";
    expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = shown.replaceAll(" ", "");
    const code = page.getByLabel("Kode 6 angka");
    await expect(code.getAttribute("autocomplete")).resolves.toBe("one-time-code");
    await expect(code.getAttribute("inputmode")).resolves.toBe("numeric");

    const now = Number(totpCode(secret));
    await code.fill(String((now + 500_000) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
    await page.getByText("Kode salah atau sudah kedaluwarsa.", { exact: false }).waitFor();
    await expect(code.getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await focused(page)).toBe("input:signin-code");
    expect(await codeDescription(page)).toEqual([
      "Dari aplikasi autentikator; kode berganti setiap 30 detik.",
      "Kode salah atau sudah kedaluwarsa. Masukkan kode yang tampil sekarang.",
    ]);

    // As the app shows it, with a space in the middle.
    const fresh = totpCode(secret);
    await code.fill(`${fresh.slice(0, 3)} ${fresh.slice(3)}`);
    await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
    await page.getByRole("button", { name: "Keluar" }).waitFor();
    expect(blocked).toEqual([]);

    // Enrolled: the next sign-in asks for the code only, no QR code again.
    await page.getByRole("button", { name: "Keluar" }).click();
    await password(page, nrp, temporary);
    await page.getByRole("heading", { name: "Kode verifikasi" }).waitFor();
    await expect(page.getByTestId("totp-qr").count()).resolves.toBe(0);
    await code.fill(totpCode(secret));
    await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
    await page.getByRole("button", { name: "Keluar" }).waitFor();
    await page.context().close();
  });

  it("has no serious accessibility problems, in Indonesian and in English", async () => {
    const nrp = "80040002";
    const temporary = await newOfficer(nrp);
    const page = await phonePage(site.browser, { bypassCSP: true }); // axe is injected as a script
    await password(page, nrp, temporary);
    await page.getByTestId("totp-qr").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
    await page.getByText("Masukkan 6 angka dari aplikasi autentikator.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Set up an authenticator app" }).waitFor();
    await page.getByRole("img", { name: "QR code for the authenticator app" }).waitFor();
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.getByText("Enter the 6 digits from your authenticator app.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("an enrolled officer's code", () => {
  it("refuses a wrong code with its message, in English too, and signs in with the right one", async () => {
    const page = await phonePage(site.browser, { bypassCSP: true });
    await page.goto(`${site.server.url}/konsol`);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByLabel("NRP").fill(SPKT);
    await page.getByLabel("Password", { exact: true }).fill("lapora-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Verification code" }).waitFor();
    const right = Number(demoTotpCode(SPKT));
    await page.getByLabel("6-digit code").fill(String((right + 500_000) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.getByText("Wrong or expired code. Enter the code the app shows now.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("6-digit code").fill(demoTotpCode(SPKT));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await page.context().close();
  });

  it("goes back to the password on request, with the focus on it", async () => {
    const page = await phonePage(site.browser);
    await password(page, SPKT, "lapora-demo");
    await page.getByRole("button", { name: "Mulai lagi dengan kata sandi" }).click();
    await page.getByRole("heading", { name: "Masuk Petugas" }).waitFor();
    expect(await focused(page)).toBe("input:signin-password");
    await expect(page.getByLabel("NRP").inputValue()).resolves.toBe(SPKT);
    await page.context().close();
  });
});
