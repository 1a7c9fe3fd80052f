import { describe, expect, it } from "vitest";
import { septets } from "./gsm7";
import { heldSummarySms, SMS_LIMIT } from "./message";
import { alertFromImage, matchesFilter, STREAM_FILTER } from "./stream";

const report = {
  __edb_e__: "report",
  reportId: "r1",
  trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
  category: "pencurian",
  priority: "darurat",
  kecamatan: "16.06.01",
  desa: "16.06.01.1011",
};
const record = (image: Record<string, unknown>) => ({
  eventName: "INSERT",
  dynamodb: {
    NewImage: Object.fromEntries(
      Object.entries(image).map(([k, v]) => [k, typeof v === "number" ? { N: String(v) } : { S: v }]),
    ),
  },
});

describe("which stream records are alerts (the one filter, AWS's and the local poller's)", () => {
  it("keeps new reports, escalations, releases and held-darurat summaries", () => {
    for (const entity of ["report", "escalation", "release", "heldSummary"]) {
      expect(matchesFilter(STREAM_FILTER, record({ ...report, __edb_e__: entity })), entity).toBe(true);
    }
  });

  it("drops a report held in quarantine, other entities and other events", () => {
    expect(matchesFilter(STREAM_FILTER, record({ ...report, heldReason: "no-form" }))).toBe(false);
    expect(matchesFilter(STREAM_FILTER, record({ ...report, __edb_e__: "hold" }))).toBe(false);
    expect(matchesFilter(STREAM_FILTER, { ...record(report), eventName: "MODIFY" })).toBe(false);
  });
});

describe("the alert an inserted item calls for", () => {
  it("a release from quarantine alerts as a new report", () => {
    expect(alertFromImage({ ...report, __edb_e__: "release", releaseOf: "r1" })).toMatchObject({
      kind: "baru",
      reportId: "r1",
    });
  });

  it("a held report alerts no one, even if the filter let it through", () => {
    expect(alertFromImage({ ...report, heldReason: "honeypot" })).toBeNull();
  });

  it("a summary is SPKT's ditahan alert, once per summary", () => {
    expect(
      alertFromImage({ __edb_e__: "heldSummary", summaryId: "2026-12-02T10:00:00.000Z", count: 7 }),
    ).toMatchObject({
      kind: "ditahan",
      reportId: "ditahan-2026-12-02T10:00:00.000Z",
      priority: "darurat",
      heldCount: 7,
    });
  });

  it("its SMS fits one message even for the longest console URL", () => {
    const text = heldSummarySms(9999, "https://d1234567890abc.cloudfront.net");
    expect(septets(text)).toBeLessThanOrEqual(SMS_LIMIT);
    expect(text).toBe(
      "LAPORA: 9999 laporan DARURAT ditahan di karantina. Periksa https://d1234567890abc.cloudfront.net/konsol/karantina",
    );
  });
});

describe("a reopening on the stream", () => {
  it("is the reopened alert to the assignee, once per round", () => {
    const image = {
      __edb_e__: "reopen",
      reportId: "r-9",
      trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
      category: "pencurian",
      priority: "tinggi",
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
      round: 2,
      assignee: "80010002",
      at: "2026-12-07T01:00:00.000Z",
    };
    expect(alertFromImage(image)).toEqual({
      reportId: "r-9",
      trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
      category: "pencurian",
      priority: "tinggi",
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
      kind: "dibuka-kembali",
      round: 2,
      assignee: "80010002",
    });
    expect(
      matchesFilter(STREAM_FILTER, {
        eventName: "INSERT",
        dynamodb: { NewImage: { __edb_e__: { S: "reopen" } } },
      }),
    ).toBe(true);
  });
});
