import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { Db, Report } from "@lapora/core";
import type { ApiDeps } from "@lapora/functions/api/app";
import { inject } from "vitest";
import { ensureTable } from "../src/resources";
import { createLocalApp } from "../src/server";

/** A fresh, empty table in the shared DynamoDB Local, so a test file sees only its own data. */
export async function createTestTable(): Promise<{
  tableName: string;
  client: ReturnType<typeof Db.createDocumentClient>;
}> {
  const endpoint = inject("dynamoEndpoint");
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  return { tableName, client: Db.createDocumentClient({ endpoint }) };
}

/** API dependencies backed by a fresh table in DynamoDB Local. */
export async function createTestDeps(): Promise<ApiDeps & { tableName: string }> {
  const { tableName, client } = await createTestTable();
  return { tableName, reports: Report.createDynamoReportStore(client, tableName) };
}

/**
 * The whole local app (API + built web app) on a free port, against a fresh table: what a browser test
 * talks to. Needs `npm run build:web` first (npm test does it).
 */
export async function startTestServer(): Promise<{ url: string; deps: ApiDeps; close(): Promise<void> }> {
  const deps = await createTestDeps();
  const app = createLocalApp(deps, resolve(import.meta.dirname, "../../web/dist"));
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((r) => server.once("listening", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
