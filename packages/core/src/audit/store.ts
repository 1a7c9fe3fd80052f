import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createOfficerEntities } from "../officer/entities";
import type { AuditEntry } from "./types";

/** The audit trail: append-only, read per subject. */
export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  /** Every entry of `report:{id}` or `officer:{nrp}`, oldest first. */
  list(subject: string): Promise<AuditEntry[]>;
}

export function createDynamoAuditStore(client: DynamoDBDocumentClient, table: string): AuditStore {
  const { audit } = createOfficerEntities(client, table);
  return {
    async record(entry) {
      await audit.create(entry).go();
    },
    async list(subject) {
      const { data } = await audit.query.bySubject({ subject }).go({ pages: "all" });
      return data as AuditEntry[];
    },
  };
}
