import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../errors";
import type { Role } from "../officer/roles";
import type { Officer } from "../officer/types";
import type { Report } from "../report/types";
import {
  actionsOf,
  availableActions,
  canAct,
  canAskReporter,
  canBeAssigned,
  canDownloadOriginal,
  canManageRoster,
  canRead,
  canReadFullStats,
  canReviewQuarantine,
  canSeeReporterContact,
  ensure,
  ensureCanRead,
  permissionsOf,
  scopeOf,
  TRIAGE_ACTIONS,
  type TriageAction,
} from "./policy";

// Sekayu (16.06.01): the Bhabinkamtibmas serves Soak Baru (1011) and Balai Agung (1012); 1009 is a
// neighbouring desa of the same kecamatan; 16.06.09 is another kecamatan.
const SEKAYU = "16.06.01";
const officers: Record<Role, Officer> = {
  spkt: officer("80010001", "spkt"),
  bhabinkamtibmas: officer("80010002", "bhabinkamtibmas", SEKAYU, [`${SEKAYU}.1011`, `${SEKAYU}.1012`]),
  kapolsek: officer("80010004", "kapolsek", SEKAYU),
  pimpinan: officer("80010005", "pimpinan"),
  admin: officer("80010006", "admin"),
};

function officer(nrp: string, role: Role, kecamatan?: string, desa?: string[]): Officer {
  const at = "2026-11-28T00:00:00.000Z";
  return {
    nrp,
    name: `Officer ${nrp}`,
    role,
    ...(kecamatan ? { kecamatan } : {}),
    ...(desa ? { desa } : {}),
    phone: "+6281200010001",
    active: true,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

type Area = "own desa" | "other desa, same kecamatan" | "other kecamatan" | "assigned to them";
const area = (a: Area, who: Officer): Pick<Report, "kecamatan" | "desa" | "assignee" | "heldReason"> => {
  switch (a) {
    case "own desa":
      return { kecamatan: SEKAYU, desa: `${SEKAYU}.1011` };
    case "other desa, same kecamatan":
      return { kecamatan: SEKAYU, desa: `${SEKAYU}.1009`, assignee: "80019999" };
    case "other kecamatan":
      return { kecamatan: "16.06.09", desa: "16.06.09.1016" };
    case "assigned to them":
      return { kecamatan: SEKAYU, desa: `${SEKAYU}.1009`, assignee: who.nrp };
  }
};

// What each role may read, written out by hand: the policy must agree with this table.
const READS: Record<Role, Record<Area, boolean>> = {
  spkt: {
    "own desa": true,
    "other desa, same kecamatan": true,
    "other kecamatan": true,
    "assigned to them": true,
  },
  pimpinan: {
    "own desa": true,
    "other desa, same kecamatan": true,
    "other kecamatan": true,
    "assigned to them": true,
  },
  admin: {
    "own desa": true,
    "other desa, same kecamatan": true,
    "other kecamatan": true,
    "assigned to them": true,
  },
  kapolsek: {
    "own desa": true,
    "other desa, same kecamatan": true,
    "other kecamatan": false,
    "assigned to them": true,
  },
  bhabinkamtibmas: {
    "own desa": true,
    "other desa, same kecamatan": false,
    "other kecamatan": false,
    "assigned to them": true,
  },
};
const ACTS: Record<Role, readonly TriageAction[]> = {
  spkt: TRIAGE_ACTIONS,
  kapolsek: TRIAGE_ACTIONS,
  bhabinkamtibmas: ["start", "resolve", "note"],
  pimpinan: [],
  admin: [],
};

const cases = (Object.keys(READS) as Role[]).flatMap((role) =>
  (Object.keys(READS[role]) as Area[]).map((a) => ({ role, area: a, reads: READS[role][a] })),
);

describe("who may read and act on a report, by role and area", () => {
  it.each(cases)("$role, report in $area: read $reads", ({ role, area: a, reads }) => {
    const who = officers[role];
    const report = area(a, who);
    expect(canRead(who, report)).toBe(reads);
    for (const action of TRIAGE_ACTIONS) {
      expect(canAct(who, action, report), action).toBe(reads && ACTS[role].includes(action));
    }
    if (reads) expect(() => ensureCanRead(who, report)).not.toThrow();
    else expect(() => ensureCanRead(who, report)).toThrow(ForbiddenError);
  });

  it("lists each role's actions", () => {
    for (const role of Object.keys(ACTS) as Role[]) expect(actionsOf({ role })).toEqual(ACTS[role]);
  });
});

describe("what else each role may do", () => {
  // contact, original, roster, full stats, quarantine, ask the reporter
  const TABLE: Record<Role, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
    spkt: [true, true, false, true, true, true],
    kapolsek: [true, false, false, false, false, true],
    bhabinkamtibmas: [true, false, false, false, false, true],
    pimpinan: [false, false, false, true, false, false],
    admin: [false, true, true, false, false, false],
  };
  it.each(Object.entries(TABLE))("%s", (role, [contact, original, roster, stats, quarantine, ask]) => {
    const who = { role: role as Role };
    expect(canSeeReporterContact(who)).toBe(contact);
    expect(canDownloadOriginal(who)).toBe(original);
    expect(canManageRoster(who)).toBe(roster);
    expect(canReadFullStats(who)).toBe(stats);
    expect(canReviewQuarantine(who)).toBe(quarantine);
    expect(permissionsOf(who)).toEqual({
      actions: ACTS[role as Role],
      manageRoster: roster,
      readFullStats: stats,
      downloadOriginal: original,
      reviewQuarantine: quarantine,
      askReporter: ask,
    });
  });

  it("lets only those who work a case ask its reporter, and only within their area", () => {
    for (const officer of Object.values(officers)) {
      const mine = area("own desa", officer);
      expect(canAskReporter(officer, mine)).toBe(
        permissionsOf(officer).askReporter && canRead(officer, mine),
      );
      const held = { ...mine, heldReason: "device-limit" as const };
      expect(canAskReporter(officer, held)).toBe(false);
    }
    expect(canAskReporter(officers.kapolsek, area("other kecamatan", officers.kapolsek))).toBe(false);
  });

  it("keeps a held report from everyone but SPKT, and from every triage step until released", () => {
    const held = { ...area("own desa", officers.spkt), heldReason: "device-limit" as const };
    for (const officer of Object.values(officers)) {
      expect(canRead(officer, held)).toBe(officer.role === "spkt");
      for (const action of TRIAGE_ACTIONS) expect(canAct(officer, action, held)).toBe(false);
    }
  });

  it("refuses with a ForbiddenError carrying the message", () => {
    expect(() => ensure(false, "Only admins.")).toThrow(new ForbiddenError("Only admins."));
    expect(() => ensure(true)).not.toThrow();
  });
});

describe("who can be given a report", () => {
  const own = area("own desa", officers.spkt);
  it.each([
    ["an active Bhabinkamtibmas of its desa", officers.bhabinkamtibmas, own, true],
    ["an inactive Bhabinkamtibmas of its desa", { ...officers.bhabinkamtibmas, active: false }, own, false],
    [
      "a Bhabinkamtibmas of another desa",
      officers.bhabinkamtibmas,
      area("other desa, same kecamatan", officers.spkt),
      false,
    ],
    ["the Kapolsek of its kecamatan", officers.kapolsek, own, true],
    ["the Kapolsek of another kecamatan", officers.kapolsek, area("other kecamatan", officers.spkt), false],
    ["an SPKT officer", officers.spkt, own, true],
    ["a pimpinan", officers.pimpinan, own, false],
    ["an admin", officers.admin, own, false],
  ] as const)("%s: %s", (_, who, report, expected) => {
    expect(canBeAssigned(who, report)).toBe(expected);
  });
});

describe("the actions offered on a report", () => {
  it.each([
    ["spkt", "diterima", ["verify", "assign", "setPriority", "note", "reject", "duplicate"]],
    ["spkt", "diverifikasi", ["start", "assign", "setPriority", "note", "reject", "duplicate"]],
    ["kapolsek", "ditangani", ["resolve", "assign", "setPriority", "note"]],
    ["kapolsek", "selesai", ["note"]],
    ["spkt", "ditolak", ["note"]],
    ["bhabinkamtibmas", "diterima", ["note"]],
    ["bhabinkamtibmas", "diverifikasi", ["start", "note"]],
    ["bhabinkamtibmas", "ditangani", ["resolve", "note"]],
    ["pimpinan", "diterima", []],
    ["admin", "ditangani", []],
  ] as const)("%s on a %s report: %j", (role, status, expected) => {
    expect(availableActions(actionsOf({ role }), status)).toEqual(expected);
  });
});

describe("the queue scope of each role", () => {
  it("is everything, one kecamatan, or the Bhabinkamtibmas' desa plus what is assigned to them", () => {
    expect(scopeOf(officers.spkt)).toEqual({ kind: "all" });
    expect(scopeOf(officers.pimpinan)).toEqual({ kind: "all" });
    expect(scopeOf(officers.admin)).toEqual({ kind: "all" });
    expect(scopeOf(officers.kapolsek)).toEqual({ kind: "kecamatan", kecamatan: SEKAYU });
    expect(scopeOf(officers.bhabinkamtibmas)).toEqual({
      kind: "desa",
      kecamatan: SEKAYU,
      desa: [`${SEKAYU}.1011`, `${SEKAYU}.1012`],
      assignee: "80010002",
    });
  });
});
