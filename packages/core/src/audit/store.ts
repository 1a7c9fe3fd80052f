import type { AuditEntry } from "./types";

/** The audit trail: append-only, read per subject. */
export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  /** Every entry of `report:{id}` or `officer:{nrp}`, oldest first. */
  list(subject: string): Promise<AuditEntry[]>;
}
