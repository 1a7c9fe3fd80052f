import { describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "../errors";
import { dueDates } from "../report/targets";
import type { Report } from "../report/types";
import { FakeAuditStore, FakeReportStore } from "../testing/fakes";
import { asksForSay, giveSay, REOPEN_WITHIN_DAYS } from "./closure";

const RESOLVED = "2026-12-05T03:00:00.000Z";
const days = (n: number) => new Date(Date.parse(RESOLVED) + n * 86_400_000);

function setup(over: Partial<Report> = {}) {
  const audit = new FakeAuditStore();
  const reports = new FakeReportStore(audit);
  const report: Report = {
    reportId: "r-1",
    trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
    category: "pencurian",
    description: "Motor hilang di depan warung.",
    kecamatan: "16.06.01",
    desa: "16.06.01.1011",
    occurredAt: "2026-12-01T00:00:00.000Z",
    happeningNow: false,
    reporter: { anonymous: true },
    priority: "sedang",
    status: "selesai",
    version: 6,
    createdAt: "2026-12-01T01:00:00.000Z",
    createdDay: "2026-12-01",
    updatedAt: RESOLVED,
    timeline: [
      { at: "2026-12-01T01:00:00.000Z", status: "diterima" },
      { at: RESOLVED, status: "selesai" },
    ],
    assignee: "80010002",
    resolvedAt: RESOLVED,
    secondsToResolve: 352_800,
    ...dueDates("2026-12-01T01:00:00.000Z", "sedang"),
    ...over,
  };
  reports.reports.set(report.reportId, report);
  return { reports, audit, report };
}

describe("the reporter's say at closure", () => {
  it("is asked only of a resolved report, once per resolution", async () => {
    const { reports, report } = setup();
    expect(asksForSay(report)).toBe(true);
    const { report: next, reopened } = await giveSay(
      reports,
      report,
      { satisfied: true, rating: 5 },
      days(1),
    );
    expect(reopened).toBe(false);
    expect(next).toMatchObject({ status: "selesai", feedback: { satisfied: true, rating: 5 }, version: 7 });
    expect(asksForSay(next)).toBe(false);
    await expect(giveSay(reports, next, { satisfied: true, rating: 4 }, days(2))).rejects.toBeInstanceOf(
      ConflictError,
    );
    const open = setup({ status: "ditangani" }).report;
    expect(asksForSay(open)).toBe(false);
    await expect(giveSay(reports, open, { satisfied: true, rating: 5 })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('"belum" within 14 days reopens it to its officer: status, timeline, audit and the alert record', async () => {
    const { reports, audit, report } = setup();
    const body = { satisfied: false, rating: 1, comment: "  Motor belum ketemu, pelaku masih berkeliaran. " };
    const { report: next, reopened } = await giveSay(reports, report, body, days(REOPEN_WITHIN_DAYS));
    expect(reopened).toBe(true);
    expect(next).toMatchObject({
      status: "ditangani",
      assignee: "80010002",
      reopenCount: 1,
      feedback: { satisfied: false, rating: 1, comment: "Motor belum ketemu, pelaku masih berkeliaran." },
    });
    expect(next.resolvedAt).toBeUndefined();
    expect(next.timeline.at(-1)).toMatchObject({
      status: "ditangani",
      note: expect.stringMatching(/belum tertangani/),
    });
    expect(reports.reopenings).toEqual([
      expect.objectContaining({ reportId: "r-1", round: 1, assignee: "80010002", priority: "sedang" }),
    ]);
    const trail = await audit.list("report:r-1");
    expect(trail.map((e) => [e.action, e.actorRole, e.to])).toEqual([
      ["reopened", "reporter", "ditangani"],
      ["reporter_feedback", "reporter", "belum, 1/5"],
    ]);
    // The comment is the reporter's own words: on the report for officers, never in the audit trail.
    expect(JSON.stringify(trail)).not.toContain("Motor belum ketemu");
    // Resolved again, the reporter is asked again, and a second "belum" is a second round.
    const again = {
      ...next,
      status: "selesai" as const,
      resolvedAt: days(20).toISOString(),
      version: next.version + 1,
    };
    reports.reports.set(again.reportId, again);
    await giveSay(reports, again, { satisfied: false, rating: 2 }, days(21));
    expect(reports.reopenings.map((r) => r.round)).toEqual([1, 2]);
  });

  it('"belum" after 14 days is recorded but does not reopen', async () => {
    const { reports, report } = setup();
    const { report: next, reopened } = await giveSay(
      reports,
      report,
      { satisfied: false, rating: 2 },
      days(15),
    );
    expect(reopened).toBe(false);
    expect(next).toMatchObject({ status: "selesai", feedback: { satisfied: false, rating: 2 } });
    expect(reports.reopenings).toEqual([]);
  });

  it("refuses a bad answer, naming the field, and changes nothing", async () => {
    const { reports, report } = setup();
    for (const [body, field] of [
      [{ satisfied: true, rating: 6 }, "rating"],
      [{ satisfied: true, rating: 2.5 }, "rating"],
      [{ satisfied: "ya", rating: 3 }, "satisfied"],
      [{ satisfied: true, rating: 3, comment: "x".repeat(501) }, "comment"],
      [{ satisfied: true, rating: 3, extra: 1 }, "extra"],
    ] as const) {
      const err = await giveSay(reports, report, body).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).details[0]?.field).toBe(field);
    }
    expect(reports.reports.get("r-1")?.version).toBe(6);
  });
});
