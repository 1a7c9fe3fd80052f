import { routes } from "@lapora/core/contract";
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
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const statuses = Object.keys(op.responses);
        expect(statuses, `${method} ${path}`).toContain("500");
        for (const s of statuses.filter((x) => Number(x) >= 400)) {
          expect(JSON.stringify(op.responses[s]), `${method} ${path} ${s}`).toContain(
            "#/components/schemas/ErrorBody",
          );
        }
      }
    }
  });
});
