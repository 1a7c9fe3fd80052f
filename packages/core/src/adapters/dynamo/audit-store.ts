import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuditStore } from "../../audit/store";
import type { AuditEntry } from "../../audit/types";
import { createService } from "../../db/service";

/** The DynamoDB adapter of AuditStore: one item per entry, in the subject's partition. */
export function createDynamoAuditStore(client: DynamoDBDocumentClient, table: string): AuditStore {
  const { audit } = createService(client, table).entities;
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
