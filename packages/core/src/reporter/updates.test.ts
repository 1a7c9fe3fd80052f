import { describe, expect, it } from "vitest";
import { isGsm7, septets } from "../alert/gsm7";
import { SMS_POLICY } from "../alert/sms-rules";
import type { Report, ReporterUpdate } from "../report/types";
import { FakeMarkerStore, FakeSmsBudget } from "../testing/fakes";
import { nextMorning, type ReporterUpdateStore, runReporterUpdates, updateFor, updateSms } from "./updates";

const SITE = "https://d1234567890abc.cloudfront.net"; // 37 characters: the longest the SMS has room for
const CODE = "LPR-7K3M-Q9TZ-4HX2-R";

/** The outbox in memory, as the DynamoDB adapter keeps it: by due time. */
class FakeOutbox implements ReporterUpdateStore {
  readonly items = new Map<string, ReporterUpdate>();
  add(u: ReporterUpdate) {
    this.items.set(u.updateId, { ...u });
  }
  async due(atIso: string, limit: number) {
    return [...this.items.values()]
      .filter((u) => u.dueAt <= atIso)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .slice(0, limit)
      .map((u) => ({ ...u }));
  }
  async reschedule(u: ReporterUpdate, dueAt: string) {
    const held = this.items.get(u.updateId);
    if (held) held.dueAt = dueAt;
  }
  async done(u: ReporterUpdate) {
    this.items.delete(u.updateId);
  }
}

function setup(
  reporter: Report["reporter"] = { anonymous: false, name: "Ani", phone: "+6281234567890", smsUpdates: true },
) {
  const report = { reportId: "r-1", trackingCode: CODE, reporter } as Report;
  const outbox = new FakeOutbox();
  const sent: { phone: string; text: string }[] = [];
  const budget = new FakeSmsBudget();
  const deps = {
    markers: new FakeMarkerStore(),
    leaseMs: 60_000,
    budget,
    policy: SMS_POLICY,
    updates: outbox,
    phone: {
      send: async (phone: string, text: string) => {
        sent.push({ phone, text });
        return `m${sent.length}`;
      },
    },
    reports: { getById: async (id: string) => (id === report.reportId ? report : undefined) },
    siteUrl: SITE,
  };
  return { report, outbox, sent, deps, budget };
}

const MORNING = new Date("2026-12-07T03:00:00.000Z"); // 10:00 WIB

describe("the reporter's SMS updates", () => {
  it("are owed only to a reporter who asked and left a phone", () => {
    expect(updateFor(setup().report, "diverifikasi", MORNING)).toMatchObject({
      kind: "diverifikasi",
      reportId: "r-1",
    });
    expect(updateFor(setup({ anonymous: true }).report, "selesai", MORNING)).toBeUndefined();
    const noOptIn = { anonymous: false, name: "Ani", phone: "+6281234567890" };
    expect(updateFor(setup(noOptIn).report, "selesai", MORNING)).toBeUndefined();
  });

  it("say the code and the news in one GSM-7 SMS, nobody's words", () => {
    for (const kind of ["diverifikasi", "selesai", "ditolak", "pertanyaan"] as const) {
      const text = updateSms(kind, CODE, SITE);
      expect(isGsm7(text)).toBe(true);
      expect(septets(text)).toBeLessThanOrEqual(160);
      expect(text).toMatch(new RegExp(`^LAPORA: Laporan ${CODE} .*\\. ${SITE}/lacak$`));
    }
  });

  it("go at most once a day, but a resolution goes the same day; a held one goes the next morning", async () => {
    const { report, outbox, sent, deps } = setup();
    const verified = updateFor(report, "diverifikasi", MORNING) as ReporterUpdate;
    const question = updateFor(report, "pertanyaan", new Date(MORNING.getTime() + 60_000)) as ReporterUpdate;
    outbox.add(verified);
    outbox.add(question);
    const later = new Date(MORNING.getTime() + 120_000);
    expect(await runReporterUpdates(deps, later)).toMatchObject({ due: 2, sent: 1, delayed: 1 });
    expect(sent.map((s) => s.text)).toEqual([expect.stringContaining("sudah diperiksa petugas")]);
    expect(outbox.items.get(question.updateId)?.dueAt).toBe("2026-12-08T00:00:00.000Z"); // 07:00 WIB
    // The same run again sends nothing twice.
    expect(await runReporterUpdates(deps, later)).toMatchObject({ due: 0, sent: 0 });
    outbox.add(updateFor(report, "selesai", new Date(later.getTime() + 60_000)) as ReporterUpdate);
    expect(await runReporterUpdates(deps, new Date(later.getTime() + 120_000))).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(2);
    expect(await runReporterUpdates(deps, new Date("2026-12-08T00:00:30.000Z"))).toMatchObject({ sent: 1 });
    expect(sent.map((s) => s.text)[2]).toContain("mendapat pertanyaan petugas");
    expect(sent.every((s) => s.phone === "+6281234567890")).toBe(true);
  });

  it("past the day's SMS budget wait for the next morning, never lost", async () => {
    const { report, outbox, sent, deps } = setup();
    const u = updateFor(report, "selesai", MORNING) as ReporterUpdate;
    outbox.add(u);
    const tight = { ...deps, policy: { ...SMS_POLICY, dailyBudget: 0 } };
    expect(await runReporterUpdates(tight, MORNING)).toMatchObject({ sent: 0, delayed: 1 });
    expect(outbox.items.get(u.updateId)?.dueAt).toBe(nextMorning(MORNING));
    expect(await runReporterUpdates(deps, new Date(nextMorning(MORNING)))).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(1);
  });

  it("are dropped when the reporter's phone is gone (erased, or the report too)", async () => {
    const { outbox, sent, deps } = setup({ anonymous: false, name: "Ani", smsUpdates: true });
    outbox.add({
      reportId: "r-1",
      updateId: "u1",
      kind: "ditolak",
      at: MORNING.toISOString(),
      dueAt: MORNING.toISOString(),
    });
    outbox.add({
      reportId: "gone",
      updateId: "u2",
      kind: "ditolak",
      at: MORNING.toISOString(),
      dueAt: MORNING.toISOString(),
    });
    expect(await runReporterUpdates(deps, MORNING)).toMatchObject({ dropped: 2, sent: 0 });
    expect(outbox.items.size).toBe(0);
    expect(sent).toEqual([]);
  });
});
