import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createService } from "../../db/service";
import type { OfficerStore } from "../../officer/store";
import type { Officer } from "../../officer/types";

/** The DynamoDB adapter of OfficerStore: roster changes and their audit entries in one transaction. */
export function createDynamoOfficerStore(client: DynamoDBDocumentClient, table: string): OfficerStore {
  const db = createService(client, table);
  const { officer: entity } = db.entities;
  const failed = (r: { canceled: boolean; data: { code: string }[] }) => r.data.map((d) => d.code);

  return {
    async get(nrp) {
      const { data } = await entity.get({ nrp }).go({ consistent: true });
      return (data as Officer | null) ?? undefined;
    },
    async list() {
      const { data } = await entity.query.all({}).go({ pages: "all" });
      return data as Officer[];
    },
    async create(officer, audit) {
      const r = await db.transaction
        .write(({ officer: o, audit: a }) => [
          o.create(officer).commit(),
          ...audit.map((e) => a.create(e).commit()),
        ])
        .go();
      if (!r.canceled) return true;
      if (failed(r)[0] === "ConditionalCheckFailed") return false;
      throw new Error(`Officer create canceled: ${failed(r).join(", ")}`);
    },
    async update(next, expectedVersion, audit) {
      const r = await db.transaction
        .write(({ officer: o, audit: a }) => [
          o
            .put(next)
            .where(({ version }, { eq }) => eq(version, expectedVersion))
            .commit(),
          ...audit.map((e) => a.create(e).commit()),
        ])
        .go();
      if (!r.canceled) return "updated";
      const codes = failed(r);
      if (codes[0] === "ConditionalCheckFailed" || codes.includes("TransactionConflict")) return "stale";
      throw new Error(`Officer update canceled: ${codes.join(", ")}`);
    },
  };
}
