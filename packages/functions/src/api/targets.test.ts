import { randomUUID } from "node:crypto";
import { Report } from "@lapora/core";
import { type CheckedApp, checkedApp, createTestDeps, readJson, validReport } from "@lapora/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";

// Service targets against DynamoDB Local: promised on arrival, shown on the tracking page, and the
// officers' queue filtered to the reports that missed one.

let deps: Awaited<ReturnType<typeof createTestDeps>>;
let app: CheckedApp;
beforeAll(async () => {
  deps = await createTestDeps();
  app = checkedApp(createApp(deps));
});

/** Stores a report as if it had arrived `hoursAgo` hours ago (its targets counted from then). */
async function storedAgo(hoursAgo: number, over: Record<string, unknown> = {}) {
  const { form: _form, ...fields } = validReport(over);
  const parsed = Report.parseReportInput(fields);
  if (!parsed.ok) throw new Error("invalid fixture");
  const at = new Date(Date.now() - hoursAgo * 3_600_000);
  const report = Report.create(parsed.value, at, randomUUID(), Report.TrackingCode.generate());
  expect(await deps.reports.create(report)).toBe("created");
  return report;
}

const queue = async (query: string) => {
  const res = await app.request(`/api/officer/reports?${query}`, {
    headers: { Authorization: `Bearer ${await deps.issuer.sign("80010001")}` },
  });
  expect(res.status).toBe(200);
  return ((await readJson(res)).items as { trackingCode: string }[]).map((r) => r.trackingCode);
};

describe("service targets", () => {
  it("are promised when a report arrives and shown with it to anyone tracking it", async () => {
    const res = await app.request("/api/reports", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(validReport({ happeningNow: true })),
    });
    const { trackingCode, createdAt } = await readJson(res);
    const view = await readJson(await app.request(`/api/reports/track/${trackingCode}`));
    const t = Report.SERVICE_TARGETS.darurat;
    expect(view.targets).toEqual({
      verifyBy: new Date(Date.parse(createdAt) + t.verifyMinutes * 60_000).toISOString(),
      resolveBy: new Date(Date.parse(createdAt) + t.resolveHours * 3_600_000).toISOString(),
    });
    const old = await storedAgo(30);
    expect(
      (await readJson(await app.request(`/api/reports/track/${old.trackingCode}`))).targets,
    ).toMatchObject({
      verifyMet: false,
    });
  });

  it("filter the queue to open reports that missed one, newest first and most urgent first", async () => {
    const late = await storedAgo(30); // sedang: to be checked within 24 hours
    const fresh = await storedAgo(1);
    const lateDarurat = await storedAgo(1, { happeningNow: true }); // darurat: within 15 minutes
    for (const sort of ["newest", "urgent"]) {
      const overdue = await queue(`overdue=true&sort=${sort}&limit=100`);
      expect(overdue).toContain(late.trackingCode);
      expect(overdue).toContain(lateDarurat.trackingCode);
      expect(overdue).not.toContain(fresh.trackingCode);
      expect(await queue(`sort=${sort}&limit=100`)).toContain(fresh.trackingCode);
    }
    const bad = await app.request("/api/officer/reports?overdue=yes", {
      headers: { Authorization: `Bearer ${await deps.issuer.sign("80010001")}` },
    });
    expect(bad.status).toBe(400);
  });
});
