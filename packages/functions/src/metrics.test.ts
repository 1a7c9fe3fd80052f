import { Metrics } from "@lapora/core";
import { createTestDeps, readJson, validReport } from "@lapora/testkit";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "./api/app";
import { countEach, createMetrics } from "./metrics";

// Powertools writes each EMF document as one line on stdout, as CloudWatch Logs reads it in Lambda.
let written: string[] = [];
const emf = () =>
  written
    .flatMap((chunk) => chunk.split("\n"))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line));
afterEach(() => {
  vi.restoreAllMocks();
  written = [];
});
const capture = () =>
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });

describe("the metrics adapter (Powertools Metrics, EMF)", () => {
  it("writes one EMF document per count: the stage's namespace, the metric, exactly its dimensions", () => {
    capture();
    const metrics = createMetrics("Lapora/uji");
    metrics.count("ReportsReceived", { priority: "darurat", outcome: "held" });
    metrics.count("AlertsSent", { channel: "sms" }, 3);
    const [report, alerts, ...more] = emf();
    expect(more).toEqual([]);
    expect(report._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: "Lapora/uji",
        Dimensions: [["priority", "outcome"]],
        Metrics: [{ Name: "ReportsReceived", Unit: "Count" }],
      },
    ]);
    // No `service` dimension or any other key: the dashboard and the alarms name every dimension.
    const { _aws, ...rest } = report;
    expect(rest).toEqual({ priority: "darurat", outcome: "held", ReportsReceived: 1 });
    expect(alerts._aws.CloudWatchMetrics[0].Dimensions).toEqual([["channel"]]);
    expect(alerts).toMatchObject({ channel: "sms", AlertsSent: 3 });
  });

  it("never writes a dimension outside the catalogue, nor a zero count", () => {
    capture();
    const metrics = createMetrics("Lapora/uji");
    const loose = metrics as unknown as { count(n: string, d: Record<string, string>, v?: number): void };
    loose.count("ReportsReceived", { priority: "LPR-7K3M-Q9TZ-4HX2-R", outcome: "accepted" });
    loose.count("ReportsReceived", { priority: "tinggi", outcome: "accepted", desa: "16.06.01.1011" });
    loose.count("ReportsReceived", { priority: "tinggi" });
    loose.count("ReporterPhone", { outcome: "accepted" });
    metrics.count("Photos", { outcome: "accepted" }, 0);
    expect(emf()).toEqual([]);
    expect(Metrics.isAllowedDimensions("Photos", { outcome: "refused" })).toBe(true);
  });

  it("writes nothing without a namespace (locally and in tests), and sums a batch by its dimensions", () => {
    capture();
    expect(createMetrics(undefined)).toBe(Metrics.noMetrics);
    createMetrics(undefined).count("Escalations", { outcome: "spkt" });
    expect(emf()).toEqual([]);
    const counted: unknown[] = [];
    countEach({ count: (...args) => counted.push(args) }, "Escalations", [
      { outcome: "kapolsek" },
      { outcome: "spkt" },
      { outcome: "kapolsek" },
    ]);
    expect(counted).toEqual([
      ["Escalations", { outcome: "kapolsek" }, 2],
      ["Escalations", { outcome: "spkt" }, 1],
    ]);
  });

  it("lists one CloudWatch metric per name and combination of values (what the stage pays for)", () => {
    expect(Metrics.metricSeries()).toHaveLength(4 * 2 + 2 + 2 + 2);
  });
});

describe("a report's path, as the api Lambda writes its metrics", () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const deps = await createTestDeps({ seed: false });
    app = createApp({ ...deps, metrics: createMetrics("Lapora/uji") });
  });
  const NAME = "Siti Rahmawati";
  const PHONE = "0813 6666 0101";
  const named = (overrides: Record<string, unknown> = {}) =>
    validReport({
      category: "kdrt",
      location: { lat: -2.8812, lon: 103.8471 },
      reporter: { anonymous: false, name: NAME, phone: PHONE },
      ...overrides,
    });
  const post = (body: unknown, key: string) =>
    app.request("/api/reports", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": key },
      body: JSON.stringify(body),
    });

  it("counts a new report by priority and outcome, with nothing of the reporter in the EMF", async () => {
    capture();
    const body = named();
    const res = await post(body, "metrics-path-0001");
    expect(res.status).toBe(201);
    const receipt = await readJson(res);
    const docs = emf();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ ReportsReceived: 1, priority: receipt.priority, outcome: "accepted" });
    const text = JSON.stringify(docs);
    for (const secret of [
      receipt.id,
      receipt.trackingCode,
      receipt.reporterSecret,
      NAME,
      PHONE,
      "0813",
      body.description,
      body.desa,
      body.kecamatan,
      "-2.8812",
      "kdrt",
    ])
      expect(text, String(secret)).not.toContain(String(secret));

    // A replay stores nothing new and counts nothing.
    written = [];
    expect((await post(body, "metrics-path-0001")).status).toBe(201);
    expect(emf()).toEqual([]);
  });

  it("counts a report a bot trap held as held, though its answer looks accepted", async () => {
    capture();
    const res = await post(named({ form: { website: "", fillSeconds: 0 } }), "metrics-path-0002");
    expect(res.status).toBe(201);
    expect((await readJson(res)).notice).toBeUndefined();
    expect(emf()).toEqual([expect.objectContaining({ ReportsReceived: 1, outcome: "held" })]);
  });
});
