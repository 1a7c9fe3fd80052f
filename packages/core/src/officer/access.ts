import type { Report } from "../report/types";
import type { Officer } from "./types";

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

// pimpinan reads only; admin manages the roster and never changes a case.
const ACTIONS: Record<Officer["role"], readonly TriageAction[]> = {
  spkt: TRIAGE_ACTIONS,
  kapolsek: TRIAGE_ACTIONS,
  bhabinkamtibmas: ["start", "resolve", "note"],
  pimpinan: [],
  admin: [],
};

/** True when the report lies in the officer's area (or is assigned to them). */
export function canRead(officer: Officer, report: Pick<Report, "kecamatan" | "desa" | "assignee">): boolean {
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
export function canAct(
  officer: Officer,
  action: TriageAction,
  report: Pick<Report, "kecamatan" | "desa" | "assignee">,
) {
  return ACTIONS[officer.role].includes(action) && canRead(officer, report);
}

/** The actions a role may take at all, for the console to show only its own buttons. */
export function actionsOf(officer: Officer): readonly TriageAction[] {
  return ACTIONS[officer.role];
}

/** Roles that must be able to call the reporter back; each view of the contact is audited. */
export function canSeeReporterContact(officer: Officer): boolean {
  return officer.role === "spkt" || officer.role === "kapolsek" || officer.role === "bhabinkamtibmas";
}

/** Only admins manage the roster. */
export function canManageRoster(officer: Officer): boolean {
  return officer.role === "admin";
}
