import * as z from "zod/mini";
import { PRIORITIES, type Priority } from "./priority";
import type { Report } from "./types";

/**
 * The service targets the reporter can see: per priority, how long until an officer has checked the
 * report (it leaves `diterima`) and until it is resolved. Fixed on the report when it arrives (`verifyBy`,
 * `resolveBy`), so a later change of a stage's targets never moves a promise already made.
 */
export interface ServiceTarget {
  verifyMinutes: number;
  resolveHours: number;
}
export type ServiceTargets = Record<Priority, ServiceTarget>;

/** The defaults; a stage sets its own with LAPORA_SERVICE_TARGETS (JSON of some priorities). */
export const SERVICE_TARGETS: ServiceTargets = {
  darurat: { verifyMinutes: 15, resolveHours: 24 },
  tinggi: { verifyMinutes: 60, resolveHours: 72 },
  sedang: { verifyMinutes: 24 * 60, resolveHours: 7 * 24 },
  rendah: { verifyMinutes: 72 * 60, resolveHours: 14 * 24 },
};

const Target = z.object({
  verifyMinutes: z.number().check(z.int(), z.minimum(1), z.maximum(30 * 24 * 60)),
  resolveHours: z.number().check(z.int(), z.minimum(1), z.maximum(365 * 24)),
});
const Targets = z.object(
  Object.fromEntries(PRIORITIES.map((p) => [p, Target])) as Record<Priority, typeof Target>,
);

/** A stage's targets from a JSON override of some priorities, checked at deploy and at cold start. */
export function parseServiceTargets(json: string | undefined): ServiceTargets {
  if (!json) return SERVICE_TARGETS;
  const given = JSON.parse(json) as Partial<Record<Priority, Partial<ServiceTarget>>>;
  const merged = Object.fromEntries(PRIORITIES.map((p) => [p, { ...SERVICE_TARGETS[p], ...given[p] }]));
  return Targets.parse(merged) as ServiceTargets;
}

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** The promises made to a report of this priority arriving at `createdAt`. */
export function dueDates(createdAt: string, priority: Priority, targets: ServiceTargets = SERVICE_TARGETS) {
  const t = targets[priority];
  return {
    verifyBy: plus(createdAt, t.verifyMinutes * 60_000),
    resolveBy: plus(createdAt, t.resolveHours * 3_600_000),
  };
}

/** How a report stands against its targets, for the reporter and the public. */
export interface TargetView {
  verifyBy: string;
  /** When an officer first acted on it (it left `diterima`); absent while it waits. */
  verifiedAt?: string;
  /** Whether it was checked by then; absent while it waits and the time has not passed. */
  verifyMet?: boolean;
  resolveBy: string;
  resolvedAt?: string;
  /** Whether it was resolved by then; absent while open and in time, or when closed without resolving. */
  resolveMet?: boolean;
}

const OPEN_AFTER_CHECK = ["diverifikasi", "ditangani"];

/** The report against its targets at `now`; undefined for a report from before targets existed. */
export function targetView(report: Report, now = new Date()): TargetView | undefined {
  const { verifyBy, resolveBy, acknowledgedAt, resolvedAt, status } = report;
  if (!verifyBy || !resolveBy) return undefined;
  const at = now.toISOString();
  const verifyMet = acknowledgedAt ? acknowledgedAt <= verifyBy : at > verifyBy ? false : undefined;
  const resolveMet =
    status === "selesai" && resolvedAt
      ? resolvedAt <= resolveBy
      : (status === "diterima" || OPEN_AFTER_CHECK.includes(status)) && at > resolveBy
        ? false
        : undefined;
  return {
    verifyBy,
    ...(acknowledgedAt ? { verifiedAt: acknowledgedAt } : {}),
    ...(verifyMet !== undefined ? { verifyMet } : {}),
    resolveBy,
    ...(status === "selesai" && resolvedAt ? { resolvedAt } : {}),
    ...(resolveMet !== undefined ? { resolveMet } : {}),
  };
}

/** An open report past a target it has not met: not checked by `verifyBy`, or not resolved by `resolveBy`. */
export function isOverdue(
  report: Pick<Report, "status" | "verifyBy" | "resolveBy">,
  now = new Date(),
): boolean {
  const at = now.toISOString();
  if (report.status === "diterima") return !!report.verifyBy && report.verifyBy < at;
  return OPEN_AFTER_CHECK.includes(report.status) && !!report.resolveBy && report.resolveBy < at;
}
