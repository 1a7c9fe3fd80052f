import { App, Stack } from "aws-cdk-lib";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { describe, expect, it } from "vitest";
import config from "../sst.config";
import { checkWithNag, type NagFinding } from "./nag";
import { createTestApp } from "./test-app";

/** One line per finding, so a failure names each rule, resource and reason to act on. */
const listed = (findings: NagFinding[]) =>
  findings.map((f) => `${f.level} ${f.rule} on ${f.path}: ${f.message}`).join("\n");

/**
 * cdk-nag's AwsSolutions and Serverless packs over what is deployed: the prod stage, the main app and the
 * Edge app (us-east-1). Every finding is fixed or suppressed with its reason (stacks/nag.ts says where).
 */
describe("cdk-nag (AwsSolutions, Serverless) on the prod stage", () => {
  it.each([
    ["the main app", undefined],
    ["the Edge app", "us-east-1"],
  ])("finds nothing unsuppressed in %s", async (_, region) => {
    const app = await createTestApp({ stage: "prod", ...(region ? { region } : {}) });
    await config.stacks(app);
    const { unsuppressed, suppressed } = checkWithNag(app);
    app.synth();
    expect(listed(unsuppressed)).toBe("");
    // The packs did run over this app: its generated handlers at least are suppressed findings.
    expect(suppressed.length).toBeGreaterThan(0);
  });

  it("reports an unsuppressed finding, with its rule and resource", () => {
    const app = new App();
    new Queue(new Stack(app, "probe"), "queue");
    const { unsuppressed } = checkWithNag(app);
    app.synth();
    expect(unsuppressed).toContainEqual(
      expect.objectContaining({ rule: "AwsSolutions-SQS3", level: "Error", path: "probe/queue/Resource" }),
    );
    expect(unsuppressed).toContainEqual(expect.objectContaining({ rule: "AwsSolutions-SQS4" }));
  });
});
