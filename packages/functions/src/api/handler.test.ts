import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createTestTable, validReport } from "@lapora/testkit";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chunksOf, lambdaBuildOptions } from "../../../../stacks/lambda-build";

/**
 * The `api` Lambda as it is deployed: built the way SST builds it (code splitting, `@aws-sdk/*` left to
 * the runtime; stacks/Api.ts), loaded in a fresh `node` process and called with API Gateway HTTP API
 * (payload v2) events, against DynamoDB Local. The handler loads its DynamoDB adapters with import() on
 * the first request that needs them, so only a built bundle shows that chunk exists and works.
 */
const repoRoot = resolve(import.meta.dirname, "../../../..");
// Inside the repo, so the external `@aws-sdk/*` imports resolve from node_modules as in the runtime.
const outDir = join(repoRoot, "node_modules", ".cache", `lapora-api-${randomUUID()}`);
const entry = join(outDir, "handler.mjs");

let metafile: Metafile;
let tableName: string;

beforeAll(async () => {
  ({ tableName } = await createTestTable());
  const result = await build({
    ...lambdaBuildOptions({ splitting: true }),
    entryPoints: [join(repoRoot, "packages/functions/src/api/handler.ts")],
    outdir: outDir,
    entryNames: "[name]",
    metafile: true,
    logLevel: "error",
  });
  metafile = result.metafile;
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/**
 * Runs the built handler in a fresh process: the regions, a report submitted and then tracked by its
 * code, and an officer route with a forged token.
 */
function submitAndTrack(): Record<"created" | "tracked" | "regions" | "officer", LambdaResult> {
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(entry).href)});
    const event = (method, path, body, headers = {}) => ({
      version: "2.0", routeKey: "$default", rawPath: path, rawQueryString: "",
      headers: { "content-type": "application/json", "idempotency-key": "handler-test-0001", ...headers },
      requestContext: {
        http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test" },
        domainName: "api.lapora.test", requestId: "r", stage: "$default", timeEpoch: Date.now(),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      isBase64Encoded: false,
    });
    const regions = await handler(event("GET", "/api/regions"), {});
    const created = await handler(event("POST", "/api/reports", JSON.parse(process.env.REPORT)), {});
    const code = JSON.parse(created.body).trackingCode;
    const tracked = await handler(event("GET", "/api/reports/track/" + code), {});
    // A forged token: jose (its own chunk) loads and refuses it before any key is fetched.
    const officer = await handler(event("GET", "/api/officer/me", undefined, { authorization: "Bearer e30.e30.AA" }), {});
    process.stdout.write(JSON.stringify({ created, tracked, regions, officer }));
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      AWS_REGION: "ap-southeast-3",
      // Presigning an upload form signs locally; these never reach AWS.
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
      AUTH_ISSUER: "https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_test",
      AUTH_AUDIENCE: "console-client",
      USER_POOL_ID: "ap-southeast-3_test",
      OPEN_DATA_BUCKET: "open-data",
      EVIDENCE_BUCKET: "evidence",
      ALERTS_TOPIC_ARN: "arn:aws:sns:ap-southeast-3:123456789012:alerts",
      REPORT: JSON.stringify(validReport({ photos: ["image/jpeg"] })),
    },
  });
  return JSON.parse(out);
}

let calls: ReturnType<typeof submitAndTrack> | undefined;
/** The handler's answers, from one process for the whole file. */
const answers = () => (calls ??= submitAndTrack());

interface LambdaResult {
  statusCode: number;
  body: string;
}

describe("the built api Lambda (esbuild with code splitting, DynamoDB Local)", () => {
  it("leaves ElectroDB and the DynamoDB adapters out of what a cold start loads", () => {
    const { atInit, onFirstUse: later } = chunksOf(metafile, entry, repoRoot).inputs;
    expect(atInit.some((i) => i.includes("packages/functions/src/api/app.ts"))).toBe(true);
    expect(atInit.filter((i) => i.includes("node_modules/electrodb/"))).toEqual([]);
    const dynamoAdapters =
      /packages\/core\/src\/(adapters\/dynamo|db\/entities)\/|packages\/core\/src\/db\/service\.ts$/;
    expect(atInit.filter((i) => dynamoAdapters.test(i))).toEqual([]);
    expect(later.some((i) => i.includes("node_modules/electrodb/"))).toBe(true);
    expect(later.some((i) => i.endsWith("packages/core/src/adapters/dynamo/report-store.ts"))).toBe(true);
    expect(later.some((i) => i.endsWith("packages/core/src/db/entities/report.ts"))).toBe(true);
  });

  it("stores a report, with its upload form, and finds it by tracking code", () => {
    const { created, tracked, regions } = answers();
    expect(regions.statusCode).toBe(200);
    expect(created.statusCode).toBe(201);
    const receipt = JSON.parse(created.body);
    expect(receipt.trackingCode).toMatch(/^LPR-/);
    expect(receipt.uploads.forms).toHaveLength(1);
    expect(receipt.uploads.forms[0].url).toContain("evidence");
    expect(tracked.statusCode).toBe(200);
    const view = JSON.parse(tracked.body);
    expect(view.trackingCode).toBe(receipt.trackingCode);
    expect(view.status).toBe("diterima");
  });

  it("loads jose only for officers' routes, and still refuses a forged token there", () => {
    const { atInit, onFirstUse } = chunksOf(metafile, entry, repoRoot).inputs;
    expect(atInit.filter((i) => i.includes("/jose/"))).toEqual([]);
    expect(onFirstUse.some((i) => i.includes("/jose/"))).toBe(true);
    expect(answers().officer.statusCode).toBe(401);
  });
});
