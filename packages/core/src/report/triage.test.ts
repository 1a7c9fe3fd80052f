import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../errors";
import { create } from "./service";
import { canTransition, isClosed } from "./status";
import { applyCommand, type TriageCommand } from "./triage";
import type { Report } from "./types";

const actor = { nrp: "80010001", role: "spkt" } as const;
const start = new Date("2026-11-28T01:00:00Z");
const fresh = (): Report =>
  create(
    {
      category: "penganiayaan",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
      occurredAt: "2026-11-28T00:00:00.000Z",
      description: "Pemukulan di pos ronda malam tadi.",
      reporter: { anonymous: true },
    },
    start,
    "r1",
    "LPR-0000-0000-0000-0",
  );

const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
type Step = TriageCommand extends infer T ? (T extends unknown ? Omit<T, "version"> : never) : never;
const command: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ action: fc.constant("verify" as const) }),
  fc.record({ action: fc.constant("start" as const), publicNote: text }),
  fc.record({ action: fc.constant("resolve" as const), note: text, publicNote: text }),
  fc.record({ action: fc.constant("reject" as const), note: text }),
  fc.record({ action: fc.constant("duplicate" as const), duplicateOf: fc.constant("LPR-1111-1111-1111-1") }),
  fc.record({
    action: fc.constant("setPriority" as const),
    priority: fc.constantFrom("darurat", "tinggi", "sedang", "rendah"),
  }),
  fc.record({ action: fc.constant("assign" as const), assignee: fc.constantFrom("80010002", "80010004") }),
  fc.record({ action: fc.constant("note" as const), note: text, public: fc.boolean() }),
) as fc.Arbitrary<Step>;

describe("officer steps on a report", () => {
  it("keep every invariant over any sequence of steps", () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (steps) => {
        let r = fresh();
        let minutes = 0;
        for (const step of steps) {
          const at = new Date(start.getTime() + ++minutes * 60_000);
          const before = r;
          let out: ReturnType<typeof applyCommand>;
          try {
            out = applyCommand(r, { ...step, version: r.version } as TriageCommand, actor, at);
          } catch (err) {
            expect(err).toBeInstanceOf(ConflictError);
            continue;
          }
          r = out.report;
          expect(r.version).toBe(before.version + 1);
          expect(out.audit.length).toBeGreaterThan(0);
          for (const a of out.audit)
            expect(a).toMatchObject({ subject: "report:r1", actorNrp: "80010001", at: at.toISOString() });
          if (r.status !== before.status) expect(canTransition(before.status, r.status)).toBe(true);
          if (isClosed(before.status)) expect(r.status).toBe(before.status);
          // The public timeline only grows, and never carries an internal note.
          expect(r.timeline.slice(0, before.timeline.length)).toEqual(before.timeline);
          const internal =
            step.action === "note" && !step.public
              ? step.note.trim()
              : "note" in step && step.action !== "note"
                ? step.note
                : undefined;
          if (internal)
            expect(r.timeline.slice(before.timeline.length).map((t) => t.note)).not.toContain(internal);
        }
        if (r.status !== "diterima") expect(r.acknowledgedAt).toBeDefined();
        if (r.acknowledgedAt)
          expect(r.secondsToAcknowledge).toBe((Date.parse(r.acknowledgedAt) - start.getTime()) / 1000);
        expect(r.resolvedAt !== undefined).toBe(r.status === "selesai");
      }),
    );
  });

  it("records response times and shows the public resolve note to the reporter", () => {
    let r = fresh();
    const t = (m: number) => new Date(start.getTime() + m * 60_000);
    r = applyCommand(r, { action: "verify", version: 1 }, actor, t(12)).report;
    r = applyCommand(r, { action: "start", version: 2 }, actor, t(30)).report;
    const done = applyCommand(
      r,
      {
        action: "resolve",
        version: 3,
        note: "Pelaku diamankan.",
        publicNote: "Kasus selesai, terima kasih.",
      },
      actor,
      t(90),
    );
    expect(done.report).toMatchObject({
      status: "selesai",
      secondsToAcknowledge: 720,
      secondsToResolve: 5400,
    });
    expect(done.report.timeline.at(-1)).toEqual({
      at: t(90).toISOString(),
      status: "selesai",
      note: "Kasus selesai, terima kasih.",
    });
    expect(done.audit.map((a) => [a.action, a.from, a.to, a.note])).toEqual([
      ["resolve", "ditangani", "selesai", "Pelaku diamankan."],
      ["public_note", undefined, undefined, "Kasus selesai, terima kasih."],
    ]);
  });

  it("refuses to skip steps", () => {
    expect(() => applyCommand(fresh(), { action: "resolve", version: 1, note: "x" }, actor, start)).toThrow(
      ConflictError,
    );
  });
});
