import { GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { Report, Stats } from "@lapora/core";
import { type CheckedApp, checkedApp, createLocalStatsDeps, createTestDeps, readJson } from "@lapora/testkit";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../api/app";

let deps: Awaited<ReturnType<typeof createTestDeps>>;
let statsDeps: Stats.StatsDeps;
let app: CheckedApp;

/** Reports spread over W46, W47 and W48 of 2026 (WIB), with some verified and resolved. */
async function seed() {
  const base = {
    happeningNow: false,
    occurredAt: "2026-11-01T00:00:00.000Z",
    description: "Laporan contoh untuk statistik mingguan.",
    reporter: { anonymous: true as const },
  };
  const rows: [string, Partial<Report.ReportInput>, number | null][] = [
    [
      "2026-11-10T02:00:00.000Z",
      { category: "pencurian", kecamatan: "16.06.01", desa: "16.06.01.1011" },
      null,
    ],
    ["2026-11-11T02:00:00.000Z", { category: "narkoba", kecamatan: "16.06.01", desa: "16.06.01.1012" }, null],
    // W47: 7 reports, 6 in Sekayu, 1 in Bayung Lencir; the last one at 23:59 Sunday WIB.
    ...Array.from({ length: 6 }, (_, i): [string, Partial<Report.ReportInput>, number | null] => [
      `2026-11-1${7 + (i % 3)}T0${i}:00:00.000Z`,
      { category: i < 4 ? "pencurian" : "penganiayaan", kecamatan: "16.06.01", desa: "16.06.01.1011" },
      600 * (i + 1),
    ]),
    [
      "2026-11-22T16:59:00.000Z",
      { category: "karhutla", kecamatan: "16.06.09", desa: "16.06.09.1016" },
      null,
    ],
    // W48 begins at 00:00 Monday WIB.
    ["2026-11-22T17:00:00.000Z", { category: "kdrt", kecamatan: "16.06.01", desa: "16.06.01.1011" }, null],
  ];
  let i = 0;
  for (const [at, o, verifyAfter] of rows) {
    let r = Report.create(
      { ...base, category: "lainnya", kecamatan: "16.06.01", desa: "16.06.01.1011", ...o },
      new Date(at),
      `s${i}`,
      `LPR-SSSS-SSSS-SS${String(i).padStart(2, "0")}-0`,
    );
    i++;
    await deps.reports.create(r);
    if (verifyAfter !== null) {
      const verified = Report.applyCommand(
        r,
        { action: "verify", version: 1 },
        { nrp: "80010001", role: "spkt" },
        new Date(Date.parse(at) + verifyAfter * 1000),
      );
      await deps.reports.update(verified.report, 1, verified.audit);
      r = verified.report;
    }
  }
}

beforeAll(async () => {
  deps = await createTestDeps({ seed: false });
  app = checkedApp(createApp(deps));
  statsDeps = await createLocalStatsDeps(deps, inject("snsEndpoint"));
  await seed();
});

describe("weekly-stats job (DynamoDB Local, s3rver, fauxqs)", () => {
  it("computes the week from its own day partitions and publishes item, files, API and summary", async () => {
    const result = await Stats.runWeek(statsDeps, "2026-W47", new Date("2026-11-22T17:05:00Z"));
    // Only W47 and W46's partitions were read: 7 + 2 items, not the table.
    expect(result.itemsRead).toBe(9);
    expect(result.stats).toMatchObject({
      total: 7,
      byCategory: { pencurian: 4, penganiayaan: 2, karhutla: 1 },
    });
    expect(result.stats.responseTimes.verify).toEqual({ n: 6, medianSeconds: 2100, p90Seconds: 3600 });
    expect(result.stats.previous).toMatchObject({ week: "2026-W46", total: 2 });

    expect((await statsDeps.stats.get("2026-W47"))?.total).toBe(7);
    const json = JSON.parse((await deps.files.get("stats/2026-W47.json")) ?? "{}");
    expect(json).toMatchObject({
      total: 7,
      byCategory: { karhutla: "<3", pencurian: 4 },
      change: { previousTotal: "<3", delta: null },
    });
    expect(json.responseTimes.verify).toEqual({
      enoughData: true,
      n: 6,
      medianSeconds: 2100,
      p90Seconds: 3600,
    });
    expect(await deps.files.get("stats/2026-W47.csv")).toContain(
      "2026-W47,kecamatan,16.06.09,Bayung Lencir,<3",
    );

    const weeks = await readJson(await app.request("/api/stats/weeks"));
    expect(weeks.weeks).toEqual(["2026-W47"]);
    const res = await app.request("/api/stats/weekly/2026-W47");
    expect(res.headers.get("Cache-Control")).toContain("public");
    expect(await readJson(res)).toEqual(json);
    const csv = await app.request("/api/stats/files/2026-W47.csv");
    expect(csv.headers.get("Content-Type")).toContain("text/csv");

    const sqs = new SQSClient({
      region: "ap-southeast-3",
      endpoint: inject("snsEndpoint"),
      credentials: { accessKeyId: "l", secretAccessKey: "l" },
    });
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: "lapora-summaries-inbox-local" }),
    );
    const inbox = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(JSON.stringify(inbox.Messages ?? [])).toContain("Lapora 2026-W47: 7 laporan");
  });

  it("overwrites cleanly when a week is run again", async () => {
    const first = await Stats.runWeek(statsDeps, "2026-W47", new Date("2026-11-23T00:00:00Z"));
    const again = await Stats.runWeek(statsDeps, "2026-W47", new Date("2026-11-23T00:00:00Z"));
    expect(again.stats).toEqual(first.stats);
    expect(await statsDeps.stats.listWeeks()).toEqual(["2026-W47"]);
  });

  it("shows pimpinan and SPKT the unsuppressed figures down to desa, and nobody else", async () => {
    await Stats.runWeek(statsDeps, "2026-W47");
    const get = async (nrp: string) =>
      app.request("/api/officer/stats/weekly/2026-W47", {
        headers: { Authorization: `Bearer ${await deps.issuer.sign(nrp)}` },
      });
    await deps.officers.create(
      {
        nrp: "80010005",
        name: "AKBP Surya",
        role: "pimpinan",
        phone: "+6281200010005",
        active: true,
        version: 1,
        createdAt: "x",
        updatedAt: "x",
      },
      [],
    );
    await deps.officers.create(
      {
        nrp: "80010002",
        name: "Brigpol Dedi",
        role: "bhabinkamtibmas",
        kecamatan: "16.06.01",
        desa: ["16.06.01.1011"],
        phone: "+6281200010002",
        active: true,
        version: 1,
        createdAt: "x",
        updatedAt: "x",
      },
      [],
    );
    const full = await readJson(await get("80010005"));
    expect(full.byDesa).toContainEqual({
      code: "16.06.09.1016",
      name: "Bayung Lencir",
      kecamatan: "16.06.09",
      count: 1,
    });
    expect((await get("80010002")).status).toBe(403);
  });

  it("answers 400 to a malformed week and 404 to one never published", async () => {
    expect((await app.request("/api/stats/weekly/2026-47")).status).toBe(400);
    expect((await app.request("/api/stats/weekly/2025-W53")).status).toBe(400);
    expect((await app.request("/api/stats/weekly/2026-W10")).status).toBe(404);
  });
});
