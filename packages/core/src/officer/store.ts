import type { AuditEntry } from "../audit/types";
import type { Officer } from "./types";

/** The roster port. Writes carry their audit entries, in the same transaction. */
export interface OfficerStore {
  get(nrp: string): Promise<Officer | undefined>;
  list(): Promise<Officer[]>;
  /** False when the NRP is already on the roster. */
  create(officer: Officer, audit: readonly AuditEntry[]): Promise<boolean>;
  /** Replaces the officer if still at `expectedVersion`. */
  update(next: Officer, expectedVersion: number, audit: readonly AuditEntry[]): Promise<"updated" | "stale">;
}
