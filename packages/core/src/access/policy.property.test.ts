import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../officer/roles";
import { listKecamatan } from "../region/region";
import { canTransition, isClosed, STATUSES } from "../report/status";
import {
  ACTION_STATUS,
  actionsOf,
  availableActions,
  canAct,
  canBeAssigned,
  canRead,
  type Scope,
  scopeOf,
  TRIAGE_ACTIONS,
} from "./policy";

const NRPS = ["80010001", "80010002", "80010003", "80010004"] as const;
const kecamatan = fc.constantFrom(...listKecamatan());
const place = kecamatan.chain((k) =>
  fc.record({ kecamatan: fc.constant(k.code), desa: fc.constantFrom(...k.desa.map((d) => d.code)) }),
);

// Officers as the roster allows them (officer/schema.ts): a Kapolsek has a kecamatan, a Bhabinkamtibmas
// desa within theirs, the other roles neither.
const officerOf = (roles: readonly Role[]) =>
  fc
    .record({
      role: fc.constantFrom(...roles),
      nrp: fc.constantFrom(...NRPS),
      active: fc.boolean(),
      k: kecamatan,
    })
    .chain(({ role, nrp, active, k }) =>
      fc
        .subarray(
          k.desa.map((d) => d.code),
          { minLength: 1, maxLength: 3 },
        )
        .map((desa) => ({
          role,
          nrp,
          active,
          ...(role === "kapolsek" || role === "bhabinkamtibmas" ? { kecamatan: k.code } : {}),
          ...(role === "bhabinkamtibmas" ? { desa } : {}),
        })),
    );
const officer = officerOf(ROLES);
const report = fc
  .tuple(place, fc.option(fc.constantFrom(...NRPS), { nil: undefined }))
  .map(([p, assignee]) => ({ ...p, ...(assignee ? { assignee } : {}) }));
const action = fc.constantFrom(...TRIAGE_ACTIONS);
const status = fc.constantFrom(...STATUSES);

/** Whether a queue query planned from this scope (report/triage-service.ts planQueue) would list the report. */
function covers(scope: Scope, r: { kecamatan: string; desa: string; assignee?: string }): boolean {
  if (scope.kind === "all") return true;
  if (r.kecamatan !== scope.kecamatan) return false;
  return scope.kind === "kecamatan" || scope.desa.includes(r.desa) || r.assignee === scope.assignee;
}

describe("the access policy, for any officer and report", () => {
  it("never lets an officer act on a report they cannot read", () => {
    fc.assert(
      fc.property(officer, action, report, (o, a, r) => {
        if (canAct(o, a, r)) expect(canRead(o, r)).toBe(true);
      }),
    );
  });

  it("never lets pimpinan or admin act, nor offers them a step, nor gives them a report", () => {
    fc.assert(
      fc.property(officerOf(["pimpinan", "admin"]), action, report, status, (o, a, r, s) => {
        expect(canRead(o, r)).toBe(true);
        expect(canAct(o, a, r)).toBe(false);
        expect(availableActions(actionsOf(o), s)).toEqual([]);
        expect(canBeAssigned(o, r)).toBe(false);
      }),
    );
  });

  it("offers only steps the lifecycle allows from the report's status, and only the role's", () => {
    fc.assert(
      fc.property(fc.subarray([...TRIAGE_ACTIONS]), status, (actions, s) => {
        const offered = availableActions(actions, s);
        for (const a of offered) {
          expect(actions).toContain(a);
          const to = (ACTION_STATUS as Record<string, (typeof STATUSES)[number]>)[a];
          if (to) expect(canTransition(s, to), `${a} from ${s}`).toBe(true);
          else if (a !== "note") expect(isClosed(s)).toBe(false);
        }
        // What it leaves out, it leaves out for a reason: nothing allowed is hidden.
        for (const a of actions.filter((x) => !offered.includes(x))) {
          const to = (ACTION_STATUS as Record<string, (typeof STATUSES)[number]>)[a];
          expect(to ? !canTransition(s, to) : a !== "note" && isClosed(s), `${a} hidden at ${s}`).toBe(true);
        }
      }),
    );
  });

  it("queues exactly the reports the officer may read", () => {
    // Only canBeAssigned hands a report to an officer, so one assigned to a Bhabinkamtibmas lies in their
    // kecamatan. Not covered: a Bhabinkamtibmas later moved to another kecamatan still reads the reports
    // assigned before the move, but their queue (scoped to the new kecamatan) no longer lists them.
    const realistic = fc
      .tuple(officer, report)
      .filter(
        ([o, r]) => o.role !== "bhabinkamtibmas" || r.assignee !== o.nrp || r.kecamatan === o.kecamatan,
      );
    fc.assert(
      fc.property(realistic, ([o, r]) => {
        expect(covers(scopeOf(o), r)).toBe(canRead(o, r));
      }),
    );
  });

  it("gives a report to exactly the active officers who could then start and resolve it", () => {
    fc.assert(
      fc.property(officer, report, (o, r) => {
        const mine = { ...r, assignee: o.nrp };
        const couldWork = canAct(o, "start", mine) && canAct(o, "resolve", mine) && canAct(o, "resolve", r);
        expect(canBeAssigned(o, r)).toBe(o.active && couldWork);
      }),
    );
  });
});
