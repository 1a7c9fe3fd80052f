import { describe, expect, it } from "vitest";
import type { Officer } from "../officer/types";
import { alertPriorities, type FilterPolicy, filterPolicyFor, serializePolicy } from "./filter-policy";

const base: Officer = {
  nrp: "80010009",
  name: "Test",
  role: "spkt",
  phone: "+6281200010009",
  active: true,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};
const bhabin: Officer = {
  ...base,
  role: "bhabinkamtibmas",
  kecamatan: "16.06.01",
  desa: ["16.06.01.1011", "16.06.01.1012"],
};
const kapolsek: Officer = { ...base, role: "kapolsek", kecamatan: "16.06.01" };

/** SNS's count: the product of each key's values, with `$or` alternatives added up. */
function combinations(policy: FilterPolicy): number {
  return Object.entries(policy).reduce(
    (n, [k, v]) =>
      n * (k === "$or" ? (v as FilterPolicy[]).reduce((s, p) => s + combinations(p), 0) : v.length),
    1,
  );
}
const keys = (policy: FilterPolicy): Set<string> =>
  new Set(
    Object.entries(policy).flatMap(([k, v]) =>
      k === "$or" ? (v as FilterPolicy[]).flatMap((p) => [...keys(p)]) : [k],
    ),
  );

describe("filterPolicyFor", () => {
  const reopenedToMe = (o: Officer) => ({ alert: ["dibuka-kembali"], assignee: [o.nrp] });

  it("gives a Bhabinkamtibmas new reports of their desa at any priority, and reopened reports assigned to them", () => {
    expect(filterPolicyFor(bhabin)).toEqual({
      $or: [
        {
          alert: ["baru"],
          priority: ["darurat", "tinggi", "sedang", "rendah"],
          desa: ["16.06.01.1011", "16.06.01.1012"],
        },
        reopenedToMe(bhabin),
      ],
    });
  });

  it("gives a Kapolsek tinggi and darurat of their kecamatan, its first escalation step, and its reopened reports assigned to them or to nobody", () => {
    expect(filterPolicyFor(kapolsek)).toEqual({
      kecamatan: ["16.06.01"],
      $or: [
        { alert: ["baru"], priority: ["darurat", "tinggi"] },
        { alert: ["eskalasi-kapolsek"] },
        { alert: ["dibuka-kembali"], assignee: ["-"] },
        reopenedToMe(kapolsek),
      ],
    });
  });

  it("gives SPKT every darurat, the second escalation step everywhere, the held-darurat summaries, and reopened reports assigned to them", () => {
    expect(filterPolicyFor(base)).toEqual({
      $or: [
        { alert: ["baru"], priority: ["darurat"] },
        { alert: ["eskalasi-spkt", "ditahan"] },
        reopenedToMe(base),
      ],
    });
  });

  it("gives pimpinan and admin nothing unless an admin turns it on", () => {
    expect(filterPolicyFor({ ...base, role: "pimpinan" })).toBeNull();
    expect(filterPolicyFor({ ...base, role: "admin" })).toBeNull();
    expect(filterPolicyFor({ ...base, role: "pimpinan", alertPriorities: ["darurat"] })).toEqual({
      alert: ["baru"],
      priority: ["darurat"],
    });
  });

  it("follows an admin's override of the priorities, in priority order", () => {
    expect(filterPolicyFor({ ...bhabin, alertPriorities: ["sedang", "darurat"] })).toMatchObject({
      $or: [{ priority: ["darurat", "sedang"] }, reopenedToMe(bhabin)],
    });
    expect(filterPolicyFor({ ...kapolsek, alertPriorities: ["darurat", "tinggi", "sedang"] })).toMatchObject({
      $or: [{ priority: ["darurat", "tinggi", "sedang"] }, { alert: ["eskalasi-kapolsek"] }, {}, {}],
    });
  });

  it("keeps escalations and reopened reports when an admin turns new-report alerts off", () => {
    expect(filterPolicyFor({ ...kapolsek, alertPriorities: [] })).toEqual({
      kecamatan: ["16.06.01"],
      $or: [
        { alert: ["eskalasi-kapolsek"] },
        { alert: ["dibuka-kembali"], assignee: ["-"] },
        reopenedToMe(kapolsek),
      ],
    });
    expect(filterPolicyFor({ ...base, alertPriorities: [] })).toEqual({
      $or: [{ alert: ["eskalasi-spkt", "ditahan"] }, reopenedToMe(base)],
    });
    expect(filterPolicyFor({ ...bhabin, alertPriorities: [] })).toEqual(reopenedToMe(bhabin));
  });

  it("gives an inactive officer, or one without an area, no subscription", () => {
    for (const o of [bhabin, kapolsek, base]) expect(filterPolicyFor({ ...o, active: false })).toBeNull();
    // Without a desa, a Bhabinkamtibmas still hears of the reports assigned to them that were reopened.
    expect(filterPolicyFor({ ...bhabin, desa: [] })).toEqual(reopenedToMe(bhabin));
    expect(filterPolicyFor({ ...kapolsek, kecamatan: undefined })).toBeNull();
  });

  it("stays within SNS's limits: at most 5 keys and 150 value combinations", () => {
    const many: Officer = { ...bhabin, desa: Array.from({ length: 20 }, (_, i) => `16.06.01.${2001 + i}`) };
    for (const officer of [
      many,
      { ...kapolsek, alertPriorities: ["darurat", "tinggi", "sedang", "rendah"] },
      base,
    ]) {
      const policy = filterPolicyFor(officer as Officer) ?? {};
      expect(keys(policy).size).toBeLessThanOrEqual(5);
      expect(combinations(policy)).toBeLessThanOrEqual(150);
    }
    expect(combinations(filterPolicyFor(many) ?? {})).toBe(81);
    expect(alertPriorities(many)).toHaveLength(4);
  });
});

describe("serializePolicy", () => {
  it("gives equal policies the same string whatever their key order", () => {
    expect(serializePolicy({ b: ["1"], a: ["2"] })).toBe(serializePolicy({ a: ["2"], b: ["1"] }));
    expect(serializePolicy({ a: ["1"] })).not.toBe(serializePolicy({ a: ["2"] }));
  });
});
