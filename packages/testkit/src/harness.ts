import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { serve } from "@hono/node-server";
import type { ReportLimits } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import { ensureTable } from "@lapora/core/dynamo";
import { createApp } from "@lapora/functions/api/app";
import type { PushWiring } from "@lapora/functions/deps";
import { createLocalIssuer, type LocalIssuer } from "@lapora/local/auth/issuer";
import { createLocalDeps } from "@lapora/local/deps";
import { LOCAL_AUDIENCE } from "@lapora/local/runtime";
import { seedDemoOfficers } from "@lapora/local/seed";
import { createLocalApp, localSourceOf } from "@lapora/local/server";
import { inject } from "vitest";
import { checkedApp } from "./contract";

/** A fresh, empty table in the shared DynamoDB Local, so a test file sees only its own data. */
export async function createTestTable(): Promise<{
  tableName: string;
  client: ReturnType<typeof Aws.createDocumentClient>;
}> {
  const endpoint = inject("dynamoEndpoint");
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  return { tableName, client: Aws.createDocumentClient({ endpoint }) };
}

/** A fresh, empty bucket in the shared s3rver, for the same reason as the table. */
export async function createTestBucket(): Promise<string> {
  const bucket = `test-${randomUUID()}`;
  const s3 = Aws.createS3Client({ endpoint: inject("s3Endpoint") });
  await (await s3()).send(new CreateBucketCommand({ Bucket: bucket }));
  (await s3()).destroy();
  return bucket;
}

export const TEST_ISSUER = "http://lapora.test/auth";

/**
 * API dependencies backed by a fresh table in DynamoDB Local, with the demo officers seeded and a local
 * issuer whose keys the verifier holds in-process (`issuer.sign(nrp)` makes a token for any officer).
 * Roster changes through the API subscribe officers on fauxqs (`topicArn`, default the shared test topic).
 */
export async function createTestDeps(
  options: {
    seed?: boolean;
    issuerUrl?: string;
    topicArn?: string;
    /** An evidence bucket on another s3rver (one whose events this process hears); default the shared one. */
    evidence?: { bucket: string; s3Endpoint: string };
    /** Limits by source; core's REPORT_LIMITS by default. */
    limits?: ReportLimits;
    /** The push services accepted and the VAPID public key (the alerts testbed's push service). */
    push?: PushWiring;
  } = {},
) {
  const { tableName } = await createTestTable();
  const issuer = await createLocalIssuer({
    issuer: options.issuerUrl ?? TEST_ISSUER,
    audience: LOCAL_AUDIENCE,
  });
  const deps = createLocalDeps({
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName,
    issuer,
    jwks: "in-process",
    s3Endpoint: inject("s3Endpoint"),
    openDataBucket: await createTestBucket(),
    // Officers' SMS queues are named after the table; pass a topic of the test's own to count its SMS.
    sns: { endpoint: inject("snsEndpoint"), topicArn: options.topicArn ?? inject("topicArn") },
    evidence: options.evidence ?? { bucket: inject("bucketName") },
    ...(options.limits ? { admission: { limits: options.limits } } : {}),
    ...(options.push ? { push: options.push } : {}),
  });
  if (options.seed !== false) await seedDemoOfficers(deps.officers, deps.localDirectory);
  return { ...deps, tableName, issuer };
}

/**
 * The whole local app (API + built web app) on a free port, against a fresh table with the demo
 * officers: what a browser test talks to. Needs `npm run build:web` first (npm test does it).
 */
export async function startTestServer(
  options: {
    /** Limits by source for this server's reports; core's REPORT_LIMITS by default. */
    limits?: ReportLimits;
    /** The client is the first X-Forwarded-For address, so one test plays many sources. */
    trustProxy?: boolean;
  } = {},
): Promise<{
  url: string;
  deps: Awaited<ReturnType<typeof createTestDeps>>;
  issuer: LocalIssuer;
  close(): Promise<void>;
}> {
  const deps = await createTestDeps(options.limits ? { limits: options.limits } : {});
  const api = createApp(deps, undefined, { sourceOf: localSourceOf(options.trustProxy) });
  const app = createLocalApp(deps, resolve(import.meta.dirname, "../../web/dist"), deps.issuer, {
    api: checkedApp(api),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((r) => server.once("listening", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    issuer: deps.issuer,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
