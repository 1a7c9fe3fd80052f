import { describe, expect, it } from "vitest";
import config from "../sst.config";
import { createTestApp, templateOf } from "./test-app";

const STACKS = ["Storage", "Messaging", "Auth", "Api", "Web", "Evidence", "Alerts", "Audit", "Operations"];

type Statement = { Effect: string; Action: string | string[] };

/** Every Allow action of every IAM policy, inline role policy, bucket policy and topic policy. */
function allowedActions(resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>) {
  const documents = Object.values(resources).flatMap((r) => {
    const p = r.Properties ?? {};
    if (r.Type === "AWS::IAM::Role") {
      return ((p.Policies as { PolicyDocument: unknown }[] | undefined) ?? []).map((x) => x.PolicyDocument);
    }
    return "PolicyDocument" in p ? [p.PolicyDocument] : [];
  }) as { Statement: Statement[] }[];
  return documents
    .flatMap((d) => d.Statement)
    .filter((s) => s.Effect === "Allow")
    .flatMap((s) => [s.Action].flat());
}

describe("the app as sst.config.ts composes it", () => {
  it("has every stack, named per stage, in the Jakarta region", async () => {
    const app = await createTestApp();
    await config.stacks(app);
    for (const name of STACKS) {
      expect(() => templateOf(app, name)).not.toThrow();
    }
    expect(app.region).toBe("ap-southeast-3");
  });

  it("composes the Edge stack alone when deployed to us-east-1, and never in Jakarta", async () => {
    const edge = await createTestApp({ region: "us-east-1" });
    await config.stacks(edge);
    expect(() => templateOf(edge, "Edge")).not.toThrow();
    for (const name of STACKS) expect(() => templateOf(edge, name)).toThrow();
    const main = await createTestApp();
    await config.stacks(main);
    expect(() => templateOf(main, "Edge")).toThrow();
  });

  it("grants no service-wide or global wildcard anywhere", async () => {
    const app = await createTestApp();
    await config.stacks(app);
    const actions = STACKS.flatMap((name) => allowedActions(templateOf(app, name).toJSON().Resources));
    expect(actions).toContain("dynamodb:GetItem");
    for (const action of actions) {
      expect(action, `Allow of ${action}`).not.toMatch(/^(\*|[a-z0-9-]+:\*)$/);
    }
  });
});
