import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, it } from "vitest";
import config from "../sst.config";
import { createTestApp, templateOf } from "./test-app";

let t: Template;

beforeAll(async () => {
  const app = await createTestApp();
  await config.stacks(app);
  t = templateOf(app, "Messaging");
});

describe("Messaging stack", () => {
  it("creates the one alerts topic, named per stage", () => {
    t.resourceCountIs("AWS::SNS::Topic", 1);
    t.hasResourceProperties("AWS::SNS::Topic", { TopicName: "test-lapora-alerts" });
  });

  it("refuses publishing over plain HTTP", () => {
    t.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Action: "sns:Publish",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
  });
});
