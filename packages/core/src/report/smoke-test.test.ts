import { describe, expect, it } from "vitest";
import { alertFromImage } from "../alert/stream";
import { ConflictError, NotFoundError } from "../errors";
import {
  isSmokeToken,
  removeTestReport,
  SMOKE_TOKEN_SECONDS,
  smokeToken,
  type TestReportStore,
} from "./smoke-test";
import * as TrackingCode from "./tracking-code";

const SECRET = "the-stage-source-key-secret-48-characters-long-xx";
const at = new Date("2026-12-07T03:00:00Z");
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe("smoke tokens", () => {
  it("are taken from the stage's secret within five minutes either way", () => {
    const token = smokeToken(SECRET, at);
    expect(token).toMatch(/^v1\.\d+\.[A-Za-z0-9_-]{43}$/);
    for (const s of [0, SMOKE_TOKEN_SECONDS, -SMOKE_TOKEN_SECONDS])
      expect(isSmokeToken(SECRET, token, later(s))).toBe(true);
  });

  it("are refused when stale, early, made with another secret, tampered with, or absent", () => {
    const token = smokeToken(SECRET, at);
    expect(isSmokeToken(SECRET, token, later(SMOKE_TOKEN_SECONDS + 1))).toBe(false);
    expect(isSmokeToken(SECRET, token, later(-SMOKE_TOKEN_SECONDS - 1))).toBe(false);
    expect(isSmokeToken(`${SECRET}x`, token, at)).toBe(false);
    const [version, seconds, mac = ""] = token.split(".");
    const flipped = `${mac.startsWith("A") ? "B" : "A"}${mac.slice(1)}`;
    expect(isSmokeToken(SECRET, `${version}.${seconds}.${flipped}`, at)).toBe(false);
    // The same mac under another time: the time is signed too.
    expect(isSmokeToken(SECRET, `${version}.${Number(seconds) + 1}.${mac}`, at)).toBe(false);
    for (const bad of [undefined, "", "v1", `v2.${seconds}.${mac}`, `${token}=`, SECRET])
      expect(isSmokeToken(SECRET, bad, at)).toBe(false);
  });

  it("never equal the source keys made from the same secret", () => {
    // A token's mac is not a daily source key: its key is a derivation of its own.
    expect(smokeToken(SECRET, at)).not.toContain(SECRET);
    expect(smokeToken(SECRET, at)).not.toBe(
      smokeToken("another secret of the same length, 48 chars long", at),
    );
  });
});

describe("removing a test report", () => {
  const code = TrackingCode.generate();
  const store = (outcome: Awaited<ReturnType<TestReportStore["remove"]>>) => {
    const asked: string[] = [];
    const s: TestReportStore = {
      isTest: async () => outcome === "removed",
      remove: async (c) => {
        asked.push(c);
        return outcome;
      },
    };
    return { s, asked };
  };

  it("removes a test, by its canonical code however it was typed", async () => {
    const { s, asked } = store("removed");
    await removeTestReport(s, code.toLowerCase().replaceAll("-", " "));
    expect(asked).toEqual([code]);
  });

  it("never removes a real report, and says which code has none", async () => {
    await expect(removeTestReport(store("not_test").s, code)).rejects.toThrow(ConflictError);
    await expect(removeTestReport(store("not_found").s, code)).rejects.toThrow(NotFoundError);
    const { s, asked } = store("removed");
    await expect(removeTestReport(s, "LPR-NOT-A-CODE")).rejects.toThrow(NotFoundError);
    expect(asked).toEqual([]);
  });
});

describe("a test report on the table's stream", () => {
  const image = {
    __edb_e__: "report",
    reportId: "r-1",
    trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
    category: "pencurian",
    priority: "darurat",
    kecamatan: "16.06.01",
    desa: "16.06.01.1011",
  };

  it("calls for no alert, where the same report not marked as a test does", () => {
    expect(alertFromImage(image)).toMatchObject({ kind: "baru", reportId: "r-1" });
    expect(alertFromImage({ ...image, test: true })).toBeNull();
  });
});
