import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../errors";
import { canTransition, isClosed, nextStatuses, STATUSES, type Status, transition } from "./status";

describe("report lifecycle", () => {
  it("follows diterima -> diverifikasi -> ditangani -> selesai", () => {
    let s: Status = "diterima";
    for (const next of ["diverifikasi", "ditangani", "selesai"] as const) s = transition(s, next);
    expect(s).toBe("selesai");
    expect(isClosed(s)).toBe(true);
  });

  it("allows rejecting or marking duplicate only before handling starts", () => {
    expect(canTransition("diterima", "ditolak")).toBe(true);
    expect(canTransition("diverifikasi", "duplikat")).toBe(true);
    expect(canTransition("ditangani", "ditolak")).toBe(false);
    expect(canTransition("diterima", "selesai")).toBe(false);
  });

  it("never leaves a closed state and never skips steps, for any sequence of attempts", () => {
    const status = fc.constantFrom(...STATUSES);
    fc.assert(
      fc.property(fc.array(status, { maxLength: 30 }), (attempts) => {
        let s: Status = "diterima";
        const seen: Status[] = [s];
        for (const to of attempts) {
          if (canTransition(s, to)) {
            s = transition(s, to);
            seen.push(s);
          } else {
            expect(() => transition(s, to)).toThrow(ConflictError);
          }
        }
        const closedAt = seen.findIndex(isClosed);
        if (closedAt >= 0) expect(closedAt).toBe(seen.length - 1);
        if (seen.includes("selesai")) expect(seen).toContain("ditangani");
        if (seen.includes("ditangani")) expect(seen).toContain("diverifikasi");
      }),
    );
  });

  it("has every status reachable from diterima", () => {
    const reached = new Set<Status>(["diterima"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of [...reached])
        for (const n of nextStatuses(s))
          if (!reached.has(n)) {
            reached.add(n);
            grew = true;
          }
    }
    expect([...reached].sort()).toEqual([...STATUSES].sort());
  });
});
