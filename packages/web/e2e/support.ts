import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { REPORT_LIMITS } from "@lapora/core";
import { DEMO_TOTP_SECRETS, startEvidenceHarness, startTestServer, totpCode } from "@lapora/testkit";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";

/** Debian's Chromium, headless. Missing Chromium is a failure, not a skip: CI installs it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (.ci/run does this).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The local runtime's server (test harness) and a Chromium, started before a test file's tests and
 * closed after them. Read `server` and `browser` inside tests, once `beforeAll` has run.
 */
export function useServerAndBrowser(): { server: TestServer; browser: Browser } {
  const site = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [site.server, site.browser] = await Promise.all([startTestServer(), launchChromium()]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * The evidence harness (the local app with an s3rver whose object events this process hears, so a photo
 * goes through evidence-uploaded as in AWS) and a Chromium, for a test file's tests, like
 * useServerAndBrowser. Playwright fills a form well under the fill-time trap's 4 s, which would hold every
 * report: the trap is off here.
 */
export function useEvidenceSiteAndBrowser(): { server: EvidenceSite; browser: Browser } {
  const site = {} as { server: EvidenceSite; browser: Browser };
  beforeAll(async () => {
    const limits = { ...REPORT_LIMITS, minFillSeconds: 0 };
    [site.server, site.browser] = await Promise.all([
      startEvidenceHarness({ web: true, limits }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

type EvidenceSite = Awaited<ReturnType<typeof startEvidenceHarness>>;
type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A phone-sized page (360x740, touch) in a fresh context: no storage carried between tests. */
export async function phonePage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000); // a broken page should fail the test well before vitest's timeout
  return page;
}

export interface ReportEntry {
  category?: string;
  description?: string;
  named?: { name: string; phone: string };
}

/** Fills the form the way a resident would, in Indonesian, with a valid report unless told otherwise. */
export async function fillReport(page: Page, entry: ReportEntry = {}): Promise<void> {
  await page.getByRole("radio", { name: new RegExp(`^${entry.category ?? "Pencurian"}`) }).check();
  await page.getByRole("radio", { name: "Tidak", exact: true }).check();
  await page.getByLabel("Kecamatan").selectOption({ label: "Sekayu" });
  const desa = page.getByRole("combobox", { name: /Desa/ });
  await desa.fill("soak");
  await page.getByRole("option", { name: "Soak baru" }).click();
  await page
    .getByLabel(/Ceritakan apa yang terjadi/)
    .fill(entry.description ?? "Motor saya dicuri di depan rumah tadi malam sekitar jam 11.");
  if (entry.named) {
    await page.getByRole("radio", { name: /Cantumkan nama/ }).check();
    await page.getByRole("textbox", { name: /^Nama/ }).fill(entry.named.name);
    await page.getByRole("textbox", { name: /^Nomor HP/ }).fill(entry.named.phone);
  }
}

/** Presses "Kirim Laporan" and returns the tracking code from the success screen. */
export async function submitAndReadCode(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Kirim Laporan" }).click();
  await page.getByRole("heading", { name: "Laporan terkirim" }).waitFor();
  const code = (await page.getByTestId("tracking-code").textContent())?.trim() ?? "";
  return code;
}

/** Counts the report submissions a page sends, to prove that nothing was sent. */
export function countReportPosts(page: Page): () => number {
  let n = 0;
  page.on("request", (req) => {
    if (req.method() === "POST" && new URL(req.url()).pathname === "/api/reports") n++;
  });
  return () => n;
}

export const CODE_PATTERN = /^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/;

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * Runs axe-core (WCAG 2.x A and AA plus best practice) on the page and returns the serious and critical
 * findings. axe is injected as a script file, so the page's CSP must allow it (see each test's context).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const r = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return results
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(", ")}`);
}

/** The code a demo officer's authenticator app shows now, from their fixed secret (local only). */
export function demoTotpCode(nrp: string): string {
  const secret = DEMO_TOTP_SECRETS[nrp];
  if (!secret) throw new Error(`${nrp} is not a demo officer`);
  return totpCode(secret);
}

/** Answers the console's code step after the password, as a demo officer with their authenticator app. */
export async function answerTotp(page: Page, nrp: string): Promise<void> {
  await page.getByLabel("Kode 6 angka").fill(demoTotpCode(nrp));
  await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
}

/**
 * Signs an officer in on the console at `origin` + `path` (the demo password, then the code of their
 * authenticator app) and waits for the console.
 */
export async function signInOfficer(
  page: Page,
  origin: string,
  nrp: string,
  path = "/konsol",
): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.getByLabel("NRP").fill(nrp);
  await page.getByLabel("Kata sandi", { exact: true }).fill("lapora-demo");
  await page.getByRole("button", { name: "Masuk" }).click();
  await answerTotp(page, nrp);
  await page.getByRole("button", { name: "Keluar" }).waitFor();
}

/** Presses a console action button, fills what its confirmation asks for, and confirms. */
export async function act(
  page: Page,
  button: string,
  confirm: string,
  fill?: () => Promise<void>,
): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("heading", { name: `Konfirmasi: ${button}` }).waitFor();
  await fill?.();
  await page.getByRole("button", { name: confirm, exact: true }).click();
  await page.getByRole("heading", { name: /^Konfirmasi/ }).waitFor({ state: "detached" });
}
