import { routes } from "@lapora/core/contract";
import { openApiDocument } from "@lapora/core/contract/openapi";
import { checkedApp, createTestDeps, readJson } from "@lapora/testkit";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";

let app: ReturnType<typeof createApp>;
let doc: {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};

beforeAll(async () => {
  app = createApp(await createTestDeps({ seed: false }));
  const res = await checkedApp(app).request("/api/openapi.json");
  expect(res.status).toBe(200);
  doc = await readJson(res);
});

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is the document the contract makes now (else run: npx tsx scripts/gen-openapi.ts)", () => {
    expect(doc).toEqual(openApiDocument());
  });

  it("lists every route the app has, and no other", () => {
    const served = app.routes
      .filter((r) => r.method !== "ALL")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect([...new Set(served)].sort()).toEqual(documented.sort());
    expect(documented).toHaveLength(Object.keys(routes).length);
  });

  it("declares the one error body for every error status", () => {
    const shared = (doc as unknown as { components: { responses: Record<string, unknown> } }).components
      .responses;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const statuses = Object.keys(op.responses);
        expect(statuses, `${method} ${path}`).toContain("500");
        for (const s of statuses.filter((x) => Number(x) >= 400)) {
          const ref = (op.responses[s] as { $ref: string }).$ref;
          const answer = shared[ref.replace("#/components/responses/", "")];
          expect(JSON.stringify(answer), `${method} ${path} ${s}`).toContain(
            "#/components/schemas/ErrorBody",
          );
        }
      }
    }
  });
});
