/**
 * Who may do what: the one answer to "may this officer do X to this report, the roster, the statistics
 * or an original photo". Core's services call it, the API never names a role, and the console imports
 * it to show only the buttons the server would allow (the server checks again).
 *
 * Pure: no I/O, safe for the browser.
 */
import { ForbiddenError } from "../errors";
import type { Officer } from "../officer/types";
import { canTransition, isClosed, type Status } from "../report/status";
import type { Report } from "../report/types";

/** What an officer may do to a report. `note` adds a note; the rest are the triage steps. */
export const TRIAGE_ACTIONS = [
  "verify",
  "setPriority",
  "assign",
  "start",
  "resolve",
  "reject",
  "duplicate",
  "note",
] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

/** The status each lifecycle step leads to; the other actions leave the status alone. */
export const ACTION_STATUS = {
  verify: "diverifikasi",
  start: "ditangani",
  resolve: "selesai",
  reject: "ditolak",
  duplicate: "duplikat",
} as const satisfies Partial<Record<TriageAction, Status>>;

// pimpinan reads only; admin manages the roster and never changes a case.
const ACTIONS: Record<Officer["role"], readonly TriageAction[]> = {
  spkt: TRIAGE_ACTIONS,
  kapolsek: TRIAGE_ACTIONS,
  bhabinkamtibmas: ["start", "resolve", "note"],
  pimpinan: [],
  admin: [],
};

type Area = Pick<Report, "kecamatan" | "desa" | "assignee"> & Partial<Pick<Report, "heldReason">>;
type Who = Pick<Officer, "role" | "nrp" | "kecamatan" | "desa">;

/**
 * True when the report lies in the officer's area (or is assigned to them). A report held for review
 * (quarantine) is SPKT's alone until released.
 */
export function canRead(officer: Who, report: Area): boolean {
  if (report.heldReason !== undefined) return canReviewQuarantine(officer);
  switch (officer.role) {
    case "spkt":
    case "pimpinan":
    case "admin":
      return true;
    case "kapolsek":
      return report.kecamatan === officer.kecamatan;
    case "bhabinkamtibmas":
      return (officer.desa ?? []).includes(report.desa) || report.assignee === officer.nrp;
  }
}

/** True when the officer may take this action on this report. */
export function canAct(officer: Who, action: TriageAction, report: Area): boolean {
  // A held report is released (or discarded) first: only then is it a case anyone works on.
  if (report.heldReason !== undefined) return false;
  return ACTIONS[officer.role].includes(action) && canRead(officer, report);
}

/** The actions a role may take at all. */
export function actionsOf(officer: Pick<Officer, "role">): readonly TriageAction[] {
  return ACTIONS[officer.role];
}

/**
 * The actions to offer on a report in `status`, in the console's order: what the role may do and what
 * the lifecycle allows from here. Notes stay possible on a closed report.
 */
export function availableActions(actions: readonly TriageAction[], status: Status): TriageAction[] {
  const order: readonly TriageAction[] = [
    "verify",
    "start",
    "resolve",
    "assign",
    "setPriority",
    "note",
    "reject",
    "duplicate",
  ];
  return order.filter((a) => {
    if (!actions.includes(a)) return false;
    const to = a in ACTION_STATUS ? ACTION_STATUS[a as keyof typeof ACTION_STATUS] : undefined;
    if (to) return canTransition(status, to);
    return a === "note" || !isClosed(status);
  });
}

/** An officer who can be given this report: active, working cases (not pimpinan or admin), in its area. */
export function canBeAssigned(candidate: Who & Pick<Officer, "active">, report: Area): boolean {
  return candidate.active && ACTIONS[candidate.role].includes("resolve") && canRead(candidate, report);
}

/** Roles that must be able to call the reporter back; each view of the contact is audited. */
export function canSeeReporterContact(officer: Pick<Officer, "role">): boolean {
  return officer.role === "spkt" || officer.role === "kapolsek" || officer.role === "bhabinkamtibmas";
}

/**
 * Who may ask the reporter a question in the report's thread: an officer who works the case (anyone who
 * may add a note to it). Everyone who may read the report reads the thread.
 */
export function canAskReporter(officer: Who, report: Area): boolean {
  return canAct(officer, "note", report);
}

/** Originals (metadata and all) only for SPKT and admin, and each download is audited. */
export function canDownloadOriginal(officer: Pick<Officer, "role">): boolean {
  return officer.role === "spkt" || officer.role === "admin";
}

/** Only admins manage the roster (and see officers' audit trails). */
export function canManageRoster(officer: Pick<Officer, "role">): boolean {
  return officer.role === "admin";
}

/** The unsuppressed weekly figures, down to desa: leadership and the duty desk. */
export function canReadFullStats(officer: Pick<Officer, "role">): boolean {
  return officer.role === "pimpinan" || officer.role === "spkt";
}

/**
 * The quarantine: reports held for review (bot traps, sources past their soft limit). The duty desk, who
 * works around the clock, lists them, releases the real ones (their alerts go then) and discards spam.
 */
export function canReviewQuarantine(officer: Pick<Officer, "role">): boolean {
  return officer.role === "spkt";
}

/** Everything the console needs to hide what the server would refuse, for `GET /api/officer/me`. */
export function permissionsOf(officer: Pick<Officer, "role">) {
  return {
    actions: actionsOf(officer),
    manageRoster: canManageRoster(officer),
    readFullStats: canReadFullStats(officer),
    downloadOriginal: canDownloadOriginal(officer),
    reviewQuarantine: canReviewQuarantine(officer),
    askReporter: actionsOf(officer).includes("note"),
  };
}
export type Permissions = ReturnType<typeof permissionsOf>;

/** Throws a ForbiddenError with `message` unless `allowed`. */
export function ensure(allowed: boolean, message = "Your role may not do this."): asserts allowed {
  if (!allowed) throw new ForbiddenError(message);
}

/** Throws unless the officer may read the report. */
export function ensureCanRead(officer: Who, report: Area): void {
  ensure(canRead(officer, report), "This report is outside your area or role.");
}

/**
 * The part of all reports an officer's queue covers: everything; one kecamatan (Kapolsek); or the desa a
 * Bhabinkamtibmas serves within their kecamatan, plus the reports assigned to them.
 */
export type Scope =
  | { kind: "all" }
  | { kind: "kecamatan"; kecamatan: string }
  | { kind: "desa"; kecamatan: string; desa: readonly string[]; assignee: string };

export function scopeOf(officer: Who): Scope {
  switch (officer.role) {
    case "spkt":
    case "pimpinan":
    case "admin":
      return { kind: "all" };
    case "kapolsek":
      return { kind: "kecamatan", kecamatan: officer.kecamatan ?? "" };
    case "bhabinkamtibmas":
      return {
        kind: "desa",
        kecamatan: officer.kecamatan ?? "",
        desa: officer.desa ?? [],
        assignee: officer.nrp,
      };
  }
}
