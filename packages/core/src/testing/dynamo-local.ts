/**
 * Core's own integration-test support: a fresh table in the DynamoDB Local that the test setup started
 * (its endpoint comes from vitest's `inject`), with core's adapters on it. Core's tests need nothing
 * outside core, so no test of core depends on the local runtime or the functions.
 */
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createDocumentClient } from "../adapters/aws/dynamodb";
import { createDynamoAuditStore } from "../adapters/dynamo/audit-store";
import { ensureTable } from "../adapters/dynamo/ensure-table";
import { createDynamoEvidenceStore } from "../adapters/dynamo/evidence-store";
import { createDynamoOfficerStore } from "../adapters/dynamo/officer-store";
import { createDynamoReportStore } from "../adapters/dynamo/report-store";
import { createDynamoReporterStore } from "../adapters/dynamo/reporter-store";
import type { OfficerInput } from "../officer/schema";
import type { Officer } from "../officer/types";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** A fresh, empty table, so a test file sees only its own data. */
export async function freshTable() {
  const endpoint = inject("dynamoEndpoint");
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  return { tableName, client: createDocumentClient({ endpoint }) };
}

/** Core's stores on a fresh table. */
export async function freshStores() {
  const { tableName, client } = await freshTable();
  return {
    tableName,
    client,
    reports: createDynamoReportStore(client, tableName),
    officers: createDynamoOfficerStore(client, tableName),
    audit: createDynamoAuditStore(client, tableName),
    evidence: { store: createDynamoEvidenceStore(client, tableName) },
    reporter: createDynamoReporterStore(client, tableName),
  };
}

/** Puts officers on the roster as they are (no sign-in, no audit): fixtures for rules that read the roster. */
export async function addOfficers(
  store: { create(o: Officer, audit: []): Promise<boolean> },
  officers: readonly OfficerInput[],
): Promise<void> {
  const at = new Date().toISOString();
  for (const o of officers) {
    await store.create({ ...o, active: true, version: 1, createdAt: at, updatedAt: at }, []);
  }
}
