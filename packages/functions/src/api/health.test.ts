import { checkedApp, createTestDeps } from "@lapora/testkit";
import { describe, expect, it } from "vitest";
import { createApp } from "./app";

describe("GET /api/health", () => {
  it("answers ok", async () => {
    const app = checkedApp(createApp(await createTestDeps()));
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});
