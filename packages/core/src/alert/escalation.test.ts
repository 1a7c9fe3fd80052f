import { describe, expect, it } from "vitest";
import { dueLevel, type EscalationStore, escalateOverdue } from "./escalation";

const MIN = 60_000;
const created = "2026-03-02T01:00:00.000Z";
const at = (minutes: number) => new Date(Date.parse(created) + minutes * MIN);

describe("dueLevel", () => {
  it("escalates to the Kapolsek after the wait, then to SPKT after the same wait again, once each", () => {
    expect(dueLevel(created, [], at(14.9), 15 * MIN)).toBeNull();
    expect(dueLevel(created, [], at(15), 15 * MIN)).toBe("kapolsek");
    const kapolsek = { level: "kapolsek" as const, at: at(16).toISOString() };
    expect(dueLevel(created, [kapolsek], at(30), 15 * MIN)).toBeNull();
    expect(dueLevel(created, [kapolsek], at(31), 15 * MIN)).toBe("spkt");
    expect(
      dueLevel(created, [kapolsek, { level: "spkt", at: at(31).toISOString() }], at(500), 15 * MIN),
    ).toBeNull();
  });

  it("takes one step per run even when the job was down for long", () => {
    expect(dueLevel(created, [], at(300), 15 * MIN)).toBe("kapolsek");
  });
});

describe("escalateOverdue", () => {
  it("asks the index only for the window between the lookback and the wait, and audits each step", async () => {
    const calls: string[][] = [];
    const recorded: unknown[] = [];
    const store: EscalationStore = {
      async open() {
        return [];
      },
      async unverified(from, to) {
        calls.push([from, to]);
        return [
          {
            reportId: "r1",
            trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
            category: "pencurian",
            priority: "darurat",
            kecamatan: "16.06.01",
            desa: "16.06.01.1011",
            createdAt: created,
          },
        ];
      },
      levels: async () => [],
      async record(e, audit) {
        recorded.push({ e, audit });
        return true;
      },
    };
    const result = await escalateOverdue(store, { afterMinutes: 15, now: at(20) });
    expect(calls).toEqual([[at(20 - 24 * 60).toISOString(), at(5).toISOString()]]);
    expect(result.escalated).toEqual([{ reportId: "r1", level: "kapolsek" }]);
    expect(recorded).toEqual([
      {
        e: expect.objectContaining({ reportId: "r1", level: "kapolsek", waitedMinutes: 20 }),
        audit: expect.objectContaining({
          subject: "report:r1",
          actorRole: "system",
          action: "escalated",
          to: "kapolsek",
        }),
      },
    ]);
  });
});
