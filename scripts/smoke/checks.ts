/**
 * The smoke test's checks against a deployed stage (or the local runtime), in order: each one is a line of
 * the output. The test report is marked as a test with the stage's token (core/report/smoke-test.ts), so it
 * alerts no one and counts in no statistics, and it is deleted at the end whatever happened in between.
 */
import { Region, Report } from "@lapora/core";
import { API_HEADERS, checkedNames, headerProblems, SITE_HEADERS } from "./headers";

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** Where the test report comes from and goes: the stage's token, and the table with the operator's rights. */
export type ReportAccess = { token: () => string; store: Report.TestReportStore } | { missing: string };

export interface SmokeTarget {
  /** The site's origin, e.g. https://d111111abcdef8.cloudfront.net (the API is under /api). */
  url: string;
  report: ReportAccess;
}

const TIMEOUT_MS = 15_000;

async function get(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await res.text();
  return { res, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** An anonymous, low-priority report that says what it is, as the web app would send it. */
function testReportBody() {
  const kecamatan = Region.listKecamatan()[0];
  return {
    category: "lainnya",
    happeningNow: false,
    kecamatan: kecamatan?.code,
    desa: kecamatan?.desa[0]?.code,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    description:
      "UJI OTOMATIS (npm run smoke) setelah deploy: laporan percobaan yang menghapus dirinya sendiri. Abaikan.",
    reporter: { anonymous: true },
    form: { website: "", fillSeconds: 30 },
  };
}

/** Runs every check, calling `report` with each result as it comes. */
export async function runSmoke(
  target: SmokeTarget,
  report: (r: CheckResult) => void,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const check = async (name: string, run: () => Promise<string>) => {
    let result: CheckResult;
    try {
      result = { name, ok: true, detail: await run() };
    } catch (err) {
      // fetch says only "fetch failed"; why (refused, DNS, TLS, timeout) is in its cause.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = cause ? ` (${cause.code ?? cause.message})` : "";
      result = { name, ok: false, detail: `${(err as Error).message}${why}` };
    }
    results.push(result);
    report(result);
    return result.ok;
  };
  const base = target.url.replace(/\/+$/, "");
  const https = base.startsWith("https:");
  const fail = (message: string): never => {
    throw new Error(message);
  };

  await check("health", async () => {
    const { res, text } = await get(`${base}/api/health`);
    if (res.status !== 200 || !text.includes('"ok"'))
      fail(`GET /api/health answered ${res.status} ${text.slice(0, 120)}`);
    return `GET /api/health answered 200 ${text.trim()}`;
  });

  await check("regions", async () => {
    const { res, json } = await get(`${base}/api/regions`);
    if (res.status !== 200) fail(`GET /api/regions answered ${res.status}`);
    const kecamatan = (json().kecamatan ?? []) as { desa?: unknown[] }[];
    const desa = kecamatan.reduce((n, k) => n + (k.desa?.length ?? 0), 0);
    const want = Region.listKecamatan();
    const wantDesa = want.reduce((n, k) => n + k.desa.length, 0);
    if (kecamatan.length !== want.length || desa !== wantDesa)
      fail(`${kecamatan.length} kecamatan and ${desa} desa, not ${want.length} and ${wantDesa}`);
    return `${kecamatan.length} kecamatan, ${desa} desa`;
  });

  for (const [name, path, rules] of [
    ["site headers", "/", SITE_HEADERS],
    ["API headers", "/api/health", API_HEADERS],
  ] as const) {
    await check(name, async () => {
      const { res } = await get(`${base}${path}`);
      if (res.status !== 200) fail(`GET ${path} answered ${res.status}`);
      const problems = headerProblems(res.headers, rules, https);
      if (problems.length > 0) fail(`${problems.join("; ")} on ${path}`);
      const skipped = https ? "" : " (HSTS not checked over http)";
      return `${checkedNames(rules, https).join(", ")} on ${path}${skipped}`;
    });
  }

  let code: string | undefined;
  const access = target.report;
  const sent = await check("test report", async () => {
    if ("missing" in access) return fail(`not sent: ${access.missing}`);
    const { res, json, text } = await get(`${base}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", [Report.SMOKE_HEADER]: access.token() },
      body: JSON.stringify(testReportBody()),
    });
    if (res.status !== 201) fail(`POST /api/reports answered ${res.status} ${text.slice(0, 160)}`);
    code = String(json().trackingCode);
    if ((await access.store.isTest(code)) !== true)
      fail(
        `${code} was stored as a real report, not a test (its alerts may have gone out; SPKT can reject it): the API refused the token, so check this machine's clock and the stage's secret`,
      );
    return `${code} stored as a test: no alert, no queue, no statistics`;
  });

  if (code) {
    const tracked = code;
    await check("tracking", async () => {
      const { res, json } = await get(`${base}/api/reports/track/${tracked}`);
      if (res.status !== 200) fail(`GET /api/reports/track/${tracked} answered ${res.status}`);
      const view = json();
      if (view.trackingCode !== tracked || view.status !== "diterima")
        fail(`tracking shows ${String(view.trackingCode)} in ${String(view.status)}`);
      return `GET /api/reports/track/${tracked}: diterima`;
    });
    if (sent && !("missing" in access)) {
      await check("cleanup", async () => {
        await Report.removeTestReport(access.store, tracked);
        const { res } = await get(`${base}/api/reports/track/${tracked}`);
        if (res.status !== 404) fail(`${tracked} was deleted but still tracks (${res.status})`);
        return `${tracked} deleted: its code tracks nothing now`;
      });
    }
  }
  return results;
}
