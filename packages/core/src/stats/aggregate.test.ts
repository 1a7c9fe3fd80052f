import { describe, expect, it } from "vitest";
import { create } from "../report/service";
import type { Report } from "../report/types";
import { computeWeek, summarise } from "./aggregate";
import { cell, toCsv, toPublic } from "./publish";

let n = 0;
function report(createdAt: string, o: Partial<Report> = {}): Report {
  const r = create(
    {
      category: "pencurian",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
      occurredAt: createdAt,
      description: "Motor hilang di parkiran pasar.",
      reporter: { anonymous: true },
    },
    new Date(createdAt),
    `r${n++}`,
    "LPR-0000-0000-0000-0",
  );
  return { ...r, ...o };
}
const verifiedAfter = (r: Report, seconds: number): Report => ({
  ...r,
  status: "diverifikasi",
  timeline: [
    ...r.timeline,
    { at: new Date(Date.parse(r.createdAt) + seconds * 1000).toISOString(), status: "diverifikasi" },
  ],
});

describe("weekly aggregation", () => {
  it("counts a report at 23:59 Sunday WIB in the week ending, and 00:00 Monday WIB in the next", () => {
    const sunday = report("2026-11-22T16:59:00.000Z"); // 23:59 WIB Sunday 22 Nov
    const monday = report("2026-11-22T17:00:00.000Z"); // 00:00 WIB Monday 23 Nov
    expect(computeWeek("2026-W47", [sunday, monday], null).total).toBe(1);
    expect(computeWeek("2026-W48", [sunday, monday], null).total).toBe(1);
  });

  it("handles ISO week 53", () => {
    const r = report("2027-01-02T03:00:00.000Z");
    const s = computeWeek("2026-W53", [r], null);
    expect(s).toMatchObject({ total: 1, start: "2026-12-27T17:00:00.000Z", end: "2027-01-03T17:00:00.000Z" });
  });

  it("takes medians and nearest-rank p90 of known data", () => {
    expect(summarise([])).toEqual({ n: 0, medianSeconds: null, p90Seconds: null });
    expect(summarise([5, 1, 3])).toEqual({ n: 3, medianSeconds: 3, p90Seconds: 5 });
    expect(summarise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ n: 10, medianSeconds: 5.5, p90Seconds: 9 });
    expect(summarise([60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 660])).toMatchObject({
      medianSeconds: 360,
      p90Seconds: 600,
    });
  });

  it("measures created-to-verified and created-to-resolved on the week's reports", () => {
    const rs = [600, 1200, 1800].map((s, i) => verifiedAfter(report(`2026-11-17T0${i}:00:00.000Z`), s));
    const resolved = {
      ...report("2026-11-18T00:00:00.000Z"),
      status: "selesai" as const,
      secondsToResolve: 7200,
    };
    const s = computeWeek("2026-W47", [...rs, resolved], null);
    expect(s.responseTimes.verify).toEqual({ n: 3, medianSeconds: 1200, p90Seconds: 1800 });
    expect(s.responseTimes.resolve).toEqual({ n: 1, medianSeconds: 7200, p90Seconds: 7200 });
    expect(s.byStatus).toMatchObject({ diverifikasi: 3, selesai: 1, diterima: 0 });
  });

  it("compares with the previous week", () => {
    const prev = [
      report("2026-11-10T00:00:00.000Z"),
      report("2026-11-11T00:00:00.000Z"),
      report("2026-11-12T00:00:00.000Z"),
    ];
    const s = computeWeek("2026-W47", [report("2026-11-17T00:00:00.000Z")], prev);
    expect(s.previous).toMatchObject({ week: "2026-W46", total: 3 });
  });
});

describe("publication rules", () => {
  it("shows 1 and 2 as <3, and 0 and 3+ as they are", () => {
    expect([0, 1, 2, 3, 40].map(cell)).toEqual([0, "<3", "<3", 3, 40]);
  });

  it("publishes no desa, hides small cells and small-sample response times", () => {
    const rs = [
      ...Array.from({ length: 4 }, (_, i) => verifiedAfter(report(`2026-11-17T0${i}:00:00.000Z`), 600)),
      report("2026-11-18T00:00:00.000Z", {
        kecamatan: "16.06.09",
        desa: "16.06.09.1016",
        category: "karhutla",
      }),
    ];
    const full = computeWeek("2026-W47", rs, []);
    expect(full.byDesa.map((d) => [d.code, d.count])).toEqual([
      ["16.06.01.1011", 4],
      ["16.06.09.1016", 1],
    ]);
    const open = toPublic(full);
    expect(JSON.stringify(open)).not.toContain("16.06.01.1011");
    expect(open.byKecamatan.find((k) => k.code === "16.06.09")?.count).toBe("<3");
    expect(open.byKecamatan.find((k) => k.code === "16.06.01")?.count).toBe(4);
    expect(open.byCategory.karhutla).toBe("<3");
    expect(open.responseTimes.verify).toEqual({ enoughData: false, n: 4 });
    expect(open.total).toBe(5);
  });

  it("gives response times from 5 cases, and no change figure that reveals a hidden count", () => {
    const rs = Array.from({ length: 5 }, (_, i) =>
      verifiedAfter(report(`2026-11-17T0${i}:00:00.000Z`), 60 * (i + 1)),
    );
    const open = toPublic(computeWeek("2026-W47", rs, [report("2026-11-10T00:00:00.000Z")]));
    expect(open.responseTimes.verify).toEqual({
      enoughData: true,
      n: 5,
      medianSeconds: 180,
      p90Seconds: 300,
    });
    expect(open.change).toEqual({ previousWeek: "2026-W46", previousTotal: "<3", delta: null });
    const csv = toCsv(open);
    expect(csv.split("\n")[0]).toBe("week,dimension,code,name,value");
    expect(csv).toContain("2026-W47,kecamatan,16.06.01,Sekayu,5");
    expect(csv).toContain("2026-W47,verify_median_seconds,,,180");
  });
});

describe("the reporters' say and the service targets in a week", () => {
  const WEEK = "2026-W48"; // Monday 23 Nov 2026 WIB
  const monday = "2026-11-23T02:00:00.000Z";
  const said = (satisfied: boolean, rating: number, kecamatan = "16.06.01", desa = "16.06.01.1011") =>
    report(monday, {
      kecamatan,
      desa,
      status: "selesai",
      acknowledgedAt: "2026-11-23T02:30:00.000Z", // within sedang's day
      resolvedAt: "2026-11-25T02:00:00.000Z",
      feedback: { satisfied, rating, at: "2026-11-26T00:00:00.000Z" },
    });

  it("publishes satisfaction per kecamatan only from 5 answers, like response times", () => {
    const sekayu = [
      said(true, 5),
      said(true, 4),
      said(true, 4),
      said(false, 1),
      said(true, 5),
      said(true, 3),
    ];
    const other = [said(false, 2, "16.06.09", "16.06.09.1016"), said(true, 5, "16.06.09", "16.06.09.1016")];
    const stats = computeWeek(
      WEEK,
      [...sekayu, ...other, report(monday)],
      null,
      new Date("2026-11-30T00:00:00Z"),
    );
    expect(stats.satisfaction?.all).toEqual({ n: 8, satisfiedShare: 0.75, medianRating: 4 });
    const pub = toPublic(stats);
    const byCode = Object.fromEntries((pub.satisfaction?.byKecamatan ?? []).map((k) => [k.code, k]));
    expect(byCode["16.06.01"]).toMatchObject({
      enoughData: true,
      n: 6,
      satisfiedShare: 0.833,
      medianRating: 4,
    });
    expect(byCode["16.06.09"]).toEqual({
      code: "16.06.09",
      name: expect.any(String),
      enoughData: false,
      n: "<3",
    });
    expect(byCode["16.06.02"]).toMatchObject({ enoughData: false, n: 0 });
    const csv = toCsv(pub);
    expect(csv).toContain("2026-W48,satisfied_share,16.06.01,");
    expect(csv).toMatch(/2026-W48,satisfied_share,16\.06\.09,[^,]*,\n/);
  });

  it("gives the shares within the service targets, from 5 cases", () => {
    const inTime = Array.from({ length: 4 }, () => said(true, 5));
    const late = report(monday, { status: "diverifikasi", acknowledgedAt: "2026-11-25T00:00:00.000Z" });
    const waiting = report(monday); // never checked
    // On the 30th both are past their day to be checked, but not yet their week to be resolved.
    const before = computeWeek(WEEK, [...inTime, late, waiting], null, new Date("2026-11-30T00:00:00Z"));
    expect(before.withinTarget).toEqual({ verify: { n: 6, share: 0.667 }, resolve: { n: 4, share: 1 } });
    const after = computeWeek(WEEK, [...inTime, late, waiting], null, new Date("2026-12-01T00:00:00Z"));
    expect(toPublic(after).withinTarget).toEqual({
      verify: { enoughData: true, n: 6, share: 0.667 },
      resolve: { enoughData: true, n: 6, share: 0.667 },
    });
    expect(toPublic(computeWeek(WEEK, inTime.slice(0, 2), null)).withinTarget?.verify).toEqual({
      enoughData: false,
      n: "<3",
    });
  });
});
