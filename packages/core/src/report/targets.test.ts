import { describe, expect, it } from "vitest";
import { dueDates, isOverdue, parseServiceTargets, SERVICE_TARGETS, targetView } from "./targets";
import type { Report } from "./types";

const CREATED = "2026-12-07T01:00:00.000Z"; // 08:00 WIB
const at = (hours: number) => new Date(Date.parse(CREATED) + hours * 3_600_000);
const report = (over: Partial<Report> = {}): Report =>
  ({
    reportId: "r",
    trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
    category: "pencurian",
    priority: "sedang",
    status: "diterima",
    createdAt: CREATED,
    ...dueDates(CREATED, "sedang"),
    ...over,
  }) as Report;

describe("service targets", () => {
  it("are promised when a report arrives, by its priority", () => {
    expect(dueDates(CREATED, "darurat")).toEqual({
      verifyBy: "2026-12-07T01:15:00.000Z",
      resolveBy: "2026-12-08T01:00:00.000Z",
    });
    expect(dueDates(CREATED, "sedang").verifyBy).toBe("2026-12-08T01:00:00.000Z");
  });

  it("take a stage's overrides per priority and field, and refuse nonsense", () => {
    const targets = parseServiceTargets(JSON.stringify({ sedang: { verifyMinutes: 720 } }));
    expect(targets.sedang).toEqual({ verifyMinutes: 720, resolveHours: SERVICE_TARGETS.sedang.resolveHours });
    expect(targets.darurat).toEqual(SERVICE_TARGETS.darurat);
    expect(parseServiceTargets(undefined)).toEqual(SERVICE_TARGETS);
    for (const bad of ['{"sedang":{"verifyMinutes":0}}', '{"tinggi":{"resolveHours":1.5}}', "not json"])
      expect(() => parseServiceTargets(bad)).toThrow();
  });

  it("say, while a report waits, nothing yet; once the time passes, missed", () => {
    expect(targetView(report(), at(1))).toEqual({
      verifyBy: report().verifyBy,
      resolveBy: report().resolveBy,
    });
    expect(targetView(report(), at(25))?.verifyMet).toBe(false);
    expect(isOverdue(report(), at(23))).toBe(false);
    expect(isOverdue(report(), at(25))).toBe(true);
  });

  it("say met or missed once an officer acted, and once it was resolved", () => {
    const checked = report({ status: "ditangani", acknowledgedAt: at(2).toISOString() });
    expect(targetView(checked, at(30))).toMatchObject({ verifyMet: true, verifiedAt: at(2).toISOString() });
    expect(isOverdue(checked, at(30))).toBe(false);
    expect(isOverdue(checked, at(7 * 24 + 1))).toBe(true);
    expect(targetView(checked, at(7 * 24 + 1))?.resolveMet).toBe(false);
    const late = report({ status: "diverifikasi", acknowledgedAt: at(30).toISOString() });
    expect(targetView(late, at(31))?.verifyMet).toBe(false);
    const resolved = report({
      status: "selesai",
      acknowledgedAt: at(2).toISOString(),
      resolvedAt: at(48).toISOString(),
    });
    expect(targetView(resolved, at(24 * 30))).toMatchObject({
      resolveMet: true,
      resolvedAt: at(48).toISOString(),
    });
    expect(isOverdue(resolved, at(24 * 30))).toBe(false);
  });

  it("do not judge a report closed without being resolved, nor one from before targets", () => {
    const rejected = report({ status: "ditolak", acknowledgedAt: at(1).toISOString() });
    expect(targetView(rejected, at(24 * 30))?.resolveMet).toBeUndefined();
    expect(isOverdue(rejected, at(24 * 30))).toBe(false);
    const { verifyBy: _v, resolveBy: _r, ...old } = report();
    expect(targetView(old as Report, at(100))).toBeUndefined();
    expect(isOverdue(old as Report, at(100))).toBe(false);
  });
});
