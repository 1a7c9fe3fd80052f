import { ConflictError } from "../errors";

export const STATUSES = ["diterima", "diverifikasi", "ditangani", "selesai", "ditolak", "duplikat"] as const;
export type Status = (typeof STATUSES)[number];

/**
 * The report lifecycle: diterima -> diverifikasi -> ditangani -> selesai, and a report not yet being
 * handled may be rejected (ditolak) or marked a duplicate (duplikat). Closed states are final.
 */
const NEXT: Record<Status, readonly Status[]> = {
  diterima: ["diverifikasi", "ditolak", "duplikat"],
  diverifikasi: ["ditangani", "ditolak", "duplikat"],
  ditangani: ["selesai"],
  selesai: [],
  ditolak: [],
  duplikat: [],
};

/** Statuses in which a report still needs work: the officer queue's "open" reports. */
export const OPEN_STATUSES: readonly Status[] = ["diterima", "diverifikasi", "ditangani"];

/** The statuses a report in `from` may move to. */
export function nextStatuses(from: Status): readonly Status[] {
  return NEXT[from];
}

/** True when the lifecycle allows `from` -> `to`. */
export function canTransition(from: Status, to: Status): boolean {
  return NEXT[from].includes(to);
}

/** True for a status no transition leaves. */
export function isClosed(status: Status): boolean {
  return NEXT[status].length === 0;
}

/** Returns `to` when allowed, else throws a ConflictError naming both statuses. */
export function transition(from: Status, to: Status): Status {
  if (!canTransition(from, to)) throw new ConflictError(`A report that is ${from} cannot become ${to}.`);
  return to;
}
