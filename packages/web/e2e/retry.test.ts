import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fillReport, phonePage, submitAndReadCode, useServerAndBrowser } from "./support";

const site = useServerAndBrowser();

interface Seen {
  key: string | null;
  body: string | null;
  status: number | "aborted";
  replayed: boolean;
  trackingCode?: string;
}

/**
 * Routes every report POST through the test: the first one is failed as `firstFails` says, the rest go
 * to the server. Every request the server saw is in the returned list, so the count of reports stored
 * is the count of non-replayed 201 answers.
 */
async function interceptPosts(
  page: import("playwright-core").Page,
  firstFails: "before-server" | "after-server",
) {
  const seen: Seen[] = [];
  await page.route("**/api/reports", async (route) => {
    const req: Request = route.request();
    const entry: Seen = {
      key: req.headers()["idempotency-key"] ?? null,
      body: req.postData(),
      status: "aborted",
      replayed: false,
    };
    seen.push(entry);
    if (seen.length === 1 && firstFails === "before-server") return route.abort("internetdisconnected");
    const res = await route.fetch();
    const json = (await res.json()) as { trackingCode?: string };
    if (seen.length === 1) {
      entry.trackingCode = json.trackingCode; // the server stored it; the phone never hears back
      return route.abort("connectionreset");
    }
    Object.assign(entry, {
      status: res.status(),
      replayed: res.headers()["idempotent-replayed"] === "true",
      trackingCode: json.trackingCode,
    });
    return route.fulfill({ response: res });
  });
  return seen;
}

describe("a failed connection is retried without creating a duplicate", () => {
  it("the answer is lost after the server stored the report: the retry gets the same report back", async () => {
    const page = await phonePage(site.browser);
    const seen = await interceptPosts(page, "after-server");
    await page.goto(site.server.url);
    await fillReport(page);
    const code = await submitAndReadCode(page);

    expect(seen.length).toBe(2);
    const [first, second] = seen;
    expect(first?.key).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    expect(second?.key).toBe(first?.key);
    expect(second?.body).toBe(first?.body);
    expect(second).toMatchObject({ status: 201, replayed: true, trackingCode: first?.trackingCode });
    expect(code).toBe(first?.trackingCode);

    // One report under that key, and it is the one the resident was shown.
    const record = await site.server.deps.reports.getIdempotency(
      `report:${first?.key}`,
      Math.floor(Date.now() / 1000),
    );
    const stored = await site.server.deps.reports.getByTrackingCode(code);
    expect(record?.reportId).toBe(stored?.reportId);
    await page.context().close();
  });

  it("the request never reached the server: the retry stores it exactly once", async () => {
    const page = await phonePage(site.browser);
    const seen = await interceptPosts(page, "before-server");
    await page.goto(site.server.url);
    await fillReport(page);
    const code = await submitAndReadCode(page);

    expect(seen.map((s) => s.status)).toEqual(["aborted", 201]);
    expect(seen[1]).toMatchObject({ key: seen[0]?.key, replayed: false, trackingCode: code });
    const record = await site.server.deps.reports.getIdempotency(
      `report:${seen[0]?.key}`,
      Math.floor(Date.now() / 1000),
    );
    expect(record?.response.trackingCode).toBe(code);
    await page.context().close();
  });

  it("while retrying, the resident sees progress", async () => {
    const page = await phonePage(site.browser);
    await page.route("**/api/reports", (route) => route.abort("internetdisconnected"));
    await page.goto(site.server.url);
    await fillReport(page);
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    await page.getByText(/Koneksi terputus\. Mencoba lagi \(2 dari 4\)/).waitFor();
    await page.context().close();
  });
});

describe("an unanswered send does not create a second report", () => {
  it("the server already has it, unanswered: the phone keeps it and the next open gets that same report back", async () => {
    const page = await phonePage(site.browser);
    let online = false;
    let firstCode: string | undefined;
    const bodies: string[] = [];
    await page.route("**/api/reports", async (route) => {
      bodies.push(route.request().postData() ?? "");
      if (online) return route.fulfill({ response: await route.fetch() });
      if (firstCode === undefined) {
        // The first attempt reaches the server and is stored; its answer, and every retry, is lost.
        firstCode = ((await (await route.fetch()).json()) as { trackingCode: string }).trackingCode;
      }
      return route.abort("internetdisconnected");
    });
    await page.goto(site.server.url);
    await fillReport(page);
    await page.getByRole("button", { name: "Kirim Laporan" }).click();
    // Four tries with the same bytes, then the report waits in the outbox (lib/outbox.ts).
    await page
      .getByRole("heading", { name: "Tersimpan di HP, akan dikirim otomatis" })
      .waitFor({ timeout: 30_000 });
    expect(bodies.length).toBe(4);
    expect(new Set(bodies).size).toBe(1);

    online = true;
    await page.goto(site.server.url);
    const code = (await page.getByTestId("outbox-code").textContent())?.trim();
    expect(code).toBe(firstCode);
    expect(new Set(bodies).size).toBe(1); // the outbox sent the very same bytes, with the same key
    const stored = await site.server.deps.reports.getByTrackingCode(code ?? "");
    expect(stored?.description).toBe("Motor saya dicuri di depan rumah tadi malam sekitar jam 11.");
    await page.context().close();
  });
});
