import { Report, Stats } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Real DynamoDB Local stream, real report-events handler, real fauxqs topic with each officer's
// FilterPolicy, the real escalation job run at a chosen time. Not real: SMS to a phone (each subscription
// is an SQS queue). A report marked as a test by `npm run smoke` (core/report/smoke-test.ts).

let bed: AlertsTestbed;
let tests: Report.TestReportStore;
beforeAll(async () => {
  bed = await startAlertsTestbed();
  tests = Dynamo.createDynamoTestReportStore(bed.deps.client, bed.deps.tableName);
});
afterAll(() => bed?.stop());

// Darurat in Soak Baru: SPKT, the desa's Bhabinkamtibmas and Sekayu's Kapolsek get an SMS at once.
const DARURAT = { category: "pencurian", happeningNow: true, kecamatan: "16.06.01", desa: "16.06.01.1011" };
const none = () => Object.fromEntries(Object.values(OFFICER).map((nrp) => [nrp, 0]));
const alerted = { ...none(), [OFFICER.spkt]: 1, [OFFICER.bhabinSekayu]: 1, [OFFICER.kapolsekSekayu]: 1 };
let sources = 0;
/** The smoke header, from a source of its own: more than 3 darurat reports an hour from one are held. */
const smoke = (token?: string) => ({
  "X-Forwarded-For": `198.51.100.${++sources}`,
  ...(token === undefined ? {} : { [Report.SMOKE_HEADER]: token }),
});
let sentinels = 0;

/** An ordinary report, and its SMS: the stream is read in order, so what has not arrived by then is not coming. */
async function settle() {
  const r = await bed.report(
    { category: "pencurian", happeningNow: false, desa: "16.06.01.1011" },
    { "X-Forwarded-For": `192.0.2.${++sentinels}` },
  );
  await waitUntil(
    "the sentinel's SMS",
    () => (bed.countFor(r.trackingCode)[OFFICER.bhabinSekayu] ?? 0) === 1,
  );
}

const queueIds = async (nrp: string, sort: "newest" | "urgent") => {
  const res = await bed.officer(nrp, "GET", `/reports?sort=${sort}&limit=100`);
  return ((await res.json()) as { items: { reportId: string }[] }).items.map((r) => r.reportId);
};
const track = (code: string) => bed.app.request(`/api/reports/track/${code}`);

describe("a report marked as a test with the stage's token", () => {
  let report: Awaited<ReturnType<AlertsTestbed["report"]>>;

  it("is stored and tracked like any report", async () => {
    report = await bed.report(DARURAT, smoke(Report.smokeToken(bed.deps.admission.secret)));
    expect(report).toMatchObject({ status: "diterima", priority: "darurat" });
    const res = await track(report.trackingCode);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ trackingCode: report.trackingCode, status: "diterima" });
    expect(await tests.isTest(report.trackingCode)).toBe(true);
  });

  it("alerts no one, is in no queue and no weekly statistics, and never escalates", async () => {
    await settle();
    expect(bed.countFor(report.trackingCode)).toEqual(none());
    for (const nrp of [OFFICER.spkt, OFFICER.kapolsekSekayu, OFFICER.bhabinSekayu]) {
      for (const sort of ["newest", "urgent"] as const)
        expect(await queueIds(nrp, sort)).not.toContain(report.id);
    }
    const { reports } = await bed.deps.stats.readWeek(Stats.weekOf(new Date()));
    expect(reports.map((r) => r.reportId)).not.toContain(report.id);
    // Twenty minutes unverified would escalate a darurat report to the Kapolsek.
    const run = await bed.alerts.escalate(new Date(Date.now() + 20 * 60_000));
    expect(run.escalated.map((e) => e.reportId)).not.toContain(report.id);
    await settle();
    expect(bed.countFor(report.trackingCode)).toEqual(none());
  });

  it("is deleted whole at the end: its code tracks nothing and its collection is empty", async () => {
    await Report.removeTestReport(tests, report.trackingCode);
    expect((await track(report.trackingCode)).status).toBe(404);
    expect(await tests.isTest(report.trackingCode)).toBeUndefined();
    expect(await bed.deps.reports.getById(report.id)).toBeUndefined();
    const left = await bed.deps.client.send(
      new (await import("@aws-sdk/lib-dynamodb")).QueryCommand({
        TableName: bed.deps.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": `$lapora#reportid_${report.id}` },
      }),
    );
    expect(left.Items).toEqual([]);
    await expect(Report.removeTestReport(tests, report.trackingCode)).rejects.toThrow(/No report/);
  });
});

describe("a report with a wrong, stale or missing token", () => {
  const cases: [string, () => Record<string, string>][] = [
    [
      "another secret's token",
      () => smoke(Report.smokeToken("not the stage's secret, but just as long as it")),
    ],
    [
      "a token ten minutes old",
      () => smoke(Report.smokeToken(bed.deps.admission.secret, new Date(Date.now() - 600_000))),
    ],
    ["no token", () => smoke()],
  ];

  it.each(cases)(
    "with %s is a real report: it alerts, and the smoke test cannot delete it",
    async (_, headers) => {
      const r = await bed.report(DARURAT, headers());
      await waitUntil("its SMS", () =>
        Object.entries(alerted).every(([nrp, n]) => (bed.countFor(r.trackingCode)[nrp] ?? 0) >= n),
      );
      expect(await tests.isTest(r.trackingCode)).toBe(false);
      expect(await queueIds(OFFICER.spkt, "urgent")).toContain(r.id);
      await expect(Report.removeTestReport(tests, r.trackingCode)).rejects.toThrow(/real report/);
      expect((await track(r.trackingCode)).status).toBe(200);
    },
  );
});
