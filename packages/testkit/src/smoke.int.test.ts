/**
 * `npm run smoke` (scripts/smoke.ts) against the local runtime: the API and the built web app on one port
 * (startTestServer, as `npm start` serves them; `npm run build:web` first), run as the operator runs it,
 * in its own process. Not real: CloudFront and HTTPS (so HSTS is not checked), and Secrets Manager (the
 * secret comes in LAPORA_SMOKE_SECRET).
 */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { Report } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROOT } from "./docs/markdown";
import { startTestServer } from "./harness";

const run = promisify(execFile);
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** `npm run smoke -- --url <url>` against the test server's table, with `secret`; never throws. */
async function smoke(url: string, secret = server.deps.admission.secret) {
  const args = ["--import", "tsx", "scripts/smoke.ts", "--url", url, "--table", server.deps.tableName];
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("LAPORA_"))),
    LAPORA_SMOKE_SECRET: secret,
  };
  return run(process.execPath, [...args, "--dynamodb-endpoint", inject("dynamoEndpoint")], {
    cwd: ROOT,
    env,
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
  );
}
const lines = (stdout: string) => stdout.trim().split("\n");
const codeIn = (stdout: string) => /LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/.exec(stdout)?.[0] ?? "";

/** The test server behind a proxy that drops one header from the site's pages (not from the API's). */
async function withoutSiteHeader(header: string): Promise<{ url: string; close(): Promise<void> }> {
  const proxy: Server = createServer(async (req, res) => {
    const body =
      req.method === "GET" || req.method === "HEAD" ? undefined : await new Response(req as never).text();
    const upstream = await fetch(`${server.url}${req.url}`, {
      method: req.method ?? "GET",
      headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== "host")) as Record<
        string,
        string
      >,
      ...(body === undefined ? {} : { body }),
    });
    const headers = Object.fromEntries(
      [...upstream.headers].filter(
        ([k]) =>
          !(k === header && !req.url?.startsWith("/api/")) &&
          k !== "content-encoding" &&
          k !== "content-length",
      ),
    );
    res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => r()));
  const { port } = proxy.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => proxy.close(() => r())) };
}

describe("npm run smoke against the local runtime", () => {
  it("passes every check, one line each, and leaves no test report behind", async () => {
    const { code, stdout } = await smoke(server.url);
    expect(code, stdout).toBe(0);
    const out = lines(stdout);
    expect(out.map((l) => l.split(":")[0])).toEqual([
      "PASS health",
      "PASS regions",
      "PASS site headers",
      "PASS API headers",
      "PASS test report",
      "PASS tracking",
      "PASS cleanup",
      "smoke",
    ]);
    expect(out[2]).toContain(
      "Content-Security-Policy, X-Content-Type-Options, Referrer-Policy, X-Frame-Options",
    );
    expect(out.at(-1)).toBe(`smoke: 7 passed, 0 failed against ${server.url}`);
    const tracked = codeIn(stdout);
    expect(tracked).not.toBe("");
    expect(await server.deps.reports.getByTrackingCode(tracked)).toBeUndefined();
    expect((await fetch(`${server.url}/api/reports/track/${tracked}`)).status).toBe(404);
  });

  it("fails with a line that names a missing header, and exits 1", async () => {
    const proxy = await withoutSiteHeader("x-frame-options");
    try {
      const { code, stdout } = await smoke(proxy.url);
      expect(code).toBe(1);
      expect(lines(stdout)).toContain("FAIL site headers: X-Frame-Options is missing (want DENY) on /");
      expect(lines(stdout).filter((l) => l.startsWith("FAIL"))).toHaveLength(1);
      expect(lines(stdout).at(-1)).toBe(`smoke: 6 passed, 1 failed against ${proxy.url}`);
    } finally {
      await proxy.close();
    }
  });

  it("with a wrong secret, says its report was stored as a real one, and leaves it to SPKT", async () => {
    const { code, stdout } = await smoke(server.url, "not the stage's secret, though just as long");
    expect(code).toBe(1);
    const failed = lines(stdout).filter((l) => l.startsWith("FAIL"));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^FAIL test report: LPR-\S+ was stored as a real report, not a test/);
    const tracked = codeIn(stdout);
    const store = Dynamo.createDynamoTestReportStore(server.deps.client, server.deps.tableName);
    expect(await store.isTest(tracked)).toBe(false);
    await expect(Report.removeTestReport(store, tracked)).rejects.toThrow(/real report/);
  });
});
