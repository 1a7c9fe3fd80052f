import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Service } from "electrodb";
import type { AuditEntry } from "../audit/types";
import { createOfficerEntities } from "./entities";
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

export function createDynamoOfficerStore(client: DynamoDBDocumentClient, table: string): OfficerStore {
  const entities = createOfficerEntities(client, table);
  const db = new Service(entities, { client, table });
  const failed = (r: { canceled: boolean; data: { code: string }[] }) => r.data.map((d) => d.code);

  return {
    async get(nrp) {
      const { data } = await entities.officer.get({ nrp }).go({ consistent: true });
      return (data as Officer | null) ?? undefined;
    },
    async list() {
      const { data } = await entities.officer.query.all({}).go({ pages: "all" });
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
