import { canTransition, isClosed, type Status } from "@lapora/core/report/status";
import type { TriageAction } from "../lib/types";

/** The status each lifecycle step leads to (the same mapping as core's triage). */
export const TARGET: Partial<Record<TriageAction, Status>> = {
  verify: "diverifikasi",
  start: "ditangani",
  resolve: "selesai",
  reject: "ditolak",
  duplicate: "duplikat",
};

const ORDER: readonly TriageAction[] = [
  "verify",
  "start",
  "resolve",
  "assign",
  "setPriority",
  "note",
  "reject",
  "duplicate",
];

/**
 * The buttons to offer: what the officer's role may do, and what the lifecycle allows from this status.
 * The server checks both again; this only keeps impossible buttons off the screen.
 */
export function availableActions(roleActions: readonly TriageAction[], status: Status): TriageAction[] {
  return ORDER.filter((a) => {
    if (!roleActions.includes(a)) return false;
    const to = TARGET[a];
    if (to) return canTransition(status, to);
    return a === "note" || !isClosed(status);
  });
}
