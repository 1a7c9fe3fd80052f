import type { Role } from "../officer/roles";

/** One entry of the audit trail: who did what to which subject, when, and how it changed. */
export interface AuditEntry {
  /** `report:{id}` or `officer:{nrp}`. */
  subject: string;
  /** Sortable: `{ISO time}#{random}`. */
  auditId: string;
  at: string;
  actorNrp: string;
  /** `reporter`: the holder of the report's code and secret (actorNrp `pelapor`): nothing else is known. */
  actorRole: Role | "system" | "reporter";
  action: string;
  from?: string;
  to?: string;
  note?: string;
}

/** The subject of an audit trail: one per report, one per officer on the roster. */
export const auditSubject = {
  report: (reportId: string) => `report:${reportId}`,
  officer: (nrp: string) => `officer:${nrp}`,
};
