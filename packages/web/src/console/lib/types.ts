import type { AuditEntry } from "@lapora/core/audit/types";
import type { EvidenceView } from "@lapora/core/evidence/viewing";
import type { TriageAction } from "@lapora/core/officer/access";
import type { Role } from "@lapora/core/officer/roles";
import type { Officer } from "@lapora/core/officer/types";
import type { Report } from "@lapora/core/report/types";
import type { Durations, WeeklyStats } from "@lapora/core/stats/aggregate";

export type { AuditEntry, Durations, EvidenceView, Officer, Report, Role, TriageAction, WeeklyStats };

/** The roles that may read the unsuppressed weekly figures (`GET /api/officer/stats/weekly/{week}`). */
export const STATS_ROLES: readonly Role[] = ["pimpinan", "spkt"];

/** `GET /api/officer/me`. */
export interface Me {
  officer: Officer;
  actions: readonly TriageAction[];
}

/** A queue row (`GET /api/officer/reports`): no reporter, no description, an excerpt instead. */
export type ReportSummary = Omit<Report, "reporter" | "location" | "description" | "timeline"> & {
  excerpt: string;
};

export interface QueuePage {
  items: ReportSummary[];
  cursor: string | null;
}

/** One choice for "assign" (`GET /api/officer/reports/{id}/assignees`). */
export interface Assignee {
  nrp: string;
  name: string;
  role: Role;
}

/** `GET /api/officer/reports/{id}/evidence`: the photos' display copies, and whether originals may be fetched. */
export interface EvidenceList {
  items: EvidenceView[];
  canDownloadOriginal: boolean;
}
