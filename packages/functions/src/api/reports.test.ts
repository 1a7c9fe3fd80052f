import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Report } from "@lapora/core";
import { type CheckedApp, checkedApp, createTestDeps, readJson, validReport } from "@lapora/testkit";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";

let app: CheckedApp;
let countItems: () => Promise<number>;

beforeAll(async () => {
  const deps = await createTestDeps({ seed: false });
  const { tableName, client } = deps;
  app = checkedApp(createApp(deps));
  // A Scan is fine here: it checks that nothing at all was written, in a table of this file's own.
  countItems = async () =>
    (await client.send(new ScanCommand({ TableName: tableName, Select: "COUNT" }))).Count ?? 0;
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.request("/api/reports", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /api/reports", () => {
  it("stores a report and answers 201 with its tracking code and derived priority", async () => {
    const res = await post(validReport({ happeningNow: true }));
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body).toEqual({
      id: expect.any(String),
      trackingCode: expect.stringMatching(Report.TrackingCode.CANONICAL_PATTERN),
      status: "diterima",
      priority: "darurat",
      createdAt: expect.any(String),
      // Code plus this secret opens the reporter's own view: shown once, kept only as a hash.
      reporterSecret: expect.stringMatching(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/),
      // The upload capability, shown once; no photos were announced, so no forms yet.
      uploads: { token: expect.any(String), forms: [], maxPhotos: 5 },
    });
    const track = await app.request(`/api/reports/track/${body.trackingCode}`);
    expect(track.status).toBe(200);
  });

  it("answers 400 naming each bad field, and stores nothing", async () => {
    const before = await countItems();
    const res = await post(validReport({ desa: "16.06.09.2001", description: "pendek", extra: 1 }));
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.error).toBe("validation_failed");
    expect(body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      "desa",
      "description",
      "extra",
    ]);
    expect(await countItems()).toBe(before);
  });

  it("answers in Indonesian when the client prefers it", async () => {
    const res = await post(validReport({ description: "pendek" }), { "Accept-Language": "id-ID,id;q=0.9" });
    expect((await readJson(res)).details[0].message).toBe("Ceritakan kejadian minimal 10 karakter.");
  });

  it("answers 413 to a body over 64 KB, 415 to another content type, 400 to broken JSON", async () => {
    const before = await countItems();
    const huge = await post(validReport({ description: "a".repeat(70_000) }));
    expect(huge.status).toBe(413);
    expect((await readJson(huge)).error).toBe("payload_too_large");
    const text = await app.request("/api/reports", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "x",
    });
    expect(text.status).toBe(415);
    const broken = await post("{ not json");
    expect(broken.status).toBe(400);
    expect((await readJson(broken)).details[0].field).toBe("body");
    expect(await countItems()).toBe(before);
  });

  it("never answers 500 or stores anything for arbitrary bad JSON", async () => {
    const before = await countItems();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await post(body);
        expect(res.status).toBe(400);
        const json = await readJson(res);
        expect(json).toMatchObject({ error: "validation_failed", details: expect.any(Array) });
        expect(json.details.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
    expect(await countItems()).toBe(before);
  });
});

describe("Idempotency-Key", () => {
  it("returns the same report for a retry of the same body", async () => {
    const body = validReport();
    const first = await post(body, { "Idempotency-Key": "retry-same-1" });
    const again = await post({ ...body }, { "Idempotency-Key": "retry-same-1" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const { uploads: firstUploads, reporterSecret: firstSecret, ...firstReceipt } = await readJson(first);
    const { uploads: againUploads, reporterSecret: againSecret, ...againReceipt } = await readJson(again);
    expect(againReceipt).toEqual(firstReceipt);
    // Each answer carries its own upload capability and reporter secret: neither is stored, so neither can
    // be replayed (reporter.test.ts shows both secrets work).
    expect(againUploads.token).not.toBe(firstUploads.token);
    expect(againSecret).not.toBe(firstSecret);
  });

  it("answers 409 when the same key comes with a different body, and stores nothing new", async () => {
    await post(validReport(), { "Idempotency-Key": "retry-diff-1" });
    const before = await countItems();
    const res = await post(validReport({ category: "narkoba" }), { "Idempotency-Key": "retry-diff-1" });
    expect(res.status).toBe(409);
    expect((await readJson(res)).error).toBe("conflict");
    expect(await countItems()).toBe(before);
  });

  it("refuses a malformed key", async () => {
    const res = await post(validReport(), { "Idempotency-Key": "a b" });
    expect(res.status).toBe(400);
    expect((await readJson(res)).details[0].field).toBe("Idempotency-Key");
  });

  it("creates exactly one report from 50 concurrent identical requests", async () => {
    const before = await countItems();
    const body = validReport({ description: "Lima puluh permintaan yang sama dalam waktu bersamaan." });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(body, { "Idempotency-Key": "burst-50" })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => (await readJson(r)).id)));
    expect(ids.size).toBe(1);
    // One report, its tracking-code claim, its idempotency record, its upload capability and its reporter
    // secrets' hashes: five items, once.
    expect(await countItems()).toBe(before + 5);
  });
});

describe("GET /api/reports/track/{code}", () => {
  it("shows the public view without the reporter's name, phone or coordinates", async () => {
    const res = await post(
      validReport({
        reporter: { anonymous: false, name: "Rahmat Hidayat", phone: "0812 7777 1234" },
        location: { lat: -2.88, lon: 103.85 },
      }),
    );
    const { trackingCode } = await readJson(res);
    const track = await app.request(`/api/reports/track/${trackingCode.toLowerCase().replaceAll("-", "")}`);
    expect(track.status).toBe(200);
    const text = await track.text();
    for (const secret of ["Rahmat", "7777", "+62", "-2.88", "103.85", "reporter", "location"])
      expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({
      trackingCode,
      status: "diterima",
      category: "pencurian",
      kecamatan: { code: "16.06.01", name: "Sekayu" },
      desa: { code: "16.06.01.1011", name: "Soak baru" },
      timeline: [{ status: "diterima" }],
    });
  });

  it("answers 400 to a mistyped code and 404 to an unknown one", async () => {
    const typo = await app.request("/api/reports/track/LPR-0000-0000-0000-1");
    expect(typo.status).toBe(400);
    expect((await readJson(typo)).details[0].code).toBe("trackingCode.checksum");
    const unknown = await app.request(`/api/reports/track/${Report.TrackingCode.generate()}`);
    expect(unknown.status).toBe(404);
    expect((await readJson(unknown)).error).toBe("not_found");
  });
});

describe("the rest of the API", () => {
  it("lists the 15 kecamatan with their desa", async () => {
    const res = await app.request("/api/regions");
    const body = await readJson(res);
    expect(body.kecamatan).toHaveLength(15);
    expect(body.kecamatan.flatMap((k: { desa: unknown[] }) => k.desa)).toHaveLength(242);
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await app.request("/api/laporan");
    expect(res.status).toBe(404);
    expect(await readJson(res)).toEqual({
      error: "not_found",
      message: "No route for GET /api/laporan.",
      details: [],
    });
  });
});
