import { CLIENT_HEADER } from "@lapora/core/infra";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "./app";
import { lambdaClientAddress } from "./client-address";

/** Answers with the address the app would key its limits on, for a request as API Gateway passes it. */
function probe(originSecret: string | undefined, headers: Record<string, string>, sourceIp: string) {
  const app = new Hono<AppEnv>();
  const sourceOf = lambdaClientAddress(originSecret);
  app.get("/", (c) => c.text(sourceOf(c) ?? "none"));
  return app.request("/", { headers }, { event: { requestContext: { http: { sourceIp } } } });
}

describe("the client's address in Lambda", () => {
  it("behind CloudFront: the header CloudFront's function sets, never the client's X-Forwarded-For", async () => {
    const res = await probe(
      "origin-secret",
      { [CLIENT_HEADER]: "198.51.100.23", "X-Forwarded-For": "10.0.0.1, 198.51.100.23" },
      "130.176.0.9", // a CloudFront edge
    );
    expect(await res.text()).toBe("198.51.100.23");
  });

  it("behind CloudFront, a request without the header is keyed on nothing the client chose", async () => {
    const res = await probe("origin-secret", { "X-Forwarded-For": "10.0.0.1" }, "130.176.0.9");
    expect(await res.text()).toBe("none");
  });

  it("straight to API Gateway: API Gateway's own view of the caller, never a header", async () => {
    const res = await probe(
      undefined,
      { [CLIENT_HEADER]: "10.0.0.1", "X-Forwarded-For": "10.0.0.2" },
      "203.0.113.40",
    );
    expect(await res.text()).toBe("203.0.113.40");
  });
});
