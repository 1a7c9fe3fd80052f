import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { smsSettings } from "./sms-settings";
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

/** The logical id of the role SNS writes SMS delivery status with. */
function deliveryRole(template: Template): string {
  const ids = Object.keys(template.findResources("AWS::IAM::Role")).filter((id) =>
    id.startsWith("smsDeliveryLogs"),
  );
  expect(ids).toHaveLength(1);
  return ids[0] as string;
}

/**
 * What the SMS-settings custom resource calls SNS with, on create and on update. The call is JSON joined
 * around the delivery-status role's ARN, which only exists at deploy time: it reads "ROLE" here.
 */
function smsCall(template: Template) {
  const resources = Object.values(template.findResources("Custom::AWS"));
  expect(resources).toHaveLength(1);
  const props = resources[0]?.Properties;
  expect(props.Update).toEqual(props.Create);
  const role = { "Fn::GetAtt": [deliveryRole(template), "Arn"] };
  const parts = props.Create["Fn::Join"][1] as unknown[];
  const text = parts
    .map((p) => {
      if (typeof p === "string") return p;
      expect(p).toEqual(role);
      return "ROLE";
    })
    .join("");
  return JSON.parse(text);
}

describe("Messaging stack: SMS settings", () => {
  it("sets Transactional SMS, the stage's sender ID and a monthly spend limit for the account", () => {
    expect(smsCall(t)).toEqual({
      service: "SNS",
      action: "setSMSAttributes",
      parameters: {
        attributes: {
          DefaultSMSType: "Transactional",
          DefaultSenderID: "LAPORAUJI",
          MonthlySpendLimit: "5",
          DeliveryStatusIAMRole: "ROLE",
          DeliveryStatusSuccessSamplingRate: "100",
        },
      },
      physicalResourceId: { id: "sms-attributes" },
    });
  });

  it("may call SetSMSAttributes and pass the delivery-status role, nothing else", () => {
    const policies = Object.values(t.findResources("AWS::IAM::Policy")).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes("sns:"),
    );
    expect(policies.map((p) => p.Properties.PolicyDocument.Statement)).toEqual([
      [
        { Action: "sns:SetSMSAttributes", Effect: "Allow", Resource: "*" },
        { Action: "iam:PassRole", Effect: "Allow", Resource: { "Fn::GetAtt": [deliveryRole(t), "Arn"] } },
      ],
    ]);
  });

  it("logs SMS delivery status with a role only SNS assumes, writing only SNS's own log groups", () => {
    const role = t.toJSON().Resources[deliveryRole(t)].Properties;
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" } },
    ]);
    const statements = role.Policies.flatMap(
      (p: { PolicyDocument: { Statement: unknown[] } }) => p.PolicyDocument.Statement,
    );
    expect(statements).toHaveLength(1);
    expect(statements[0].Action).toEqual([
      "logs:CreateLogGroup",
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]);
    const resource = JSON.stringify(statements[0].Resource);
    expect(resource).toContain(":log-group:sns/");
    expect(resource).not.toMatch(/log-group:\*/);
  });

  it("uses prod's own limits in prod, and deploy-time overrides", async () => {
    const app = await createTestApp({ stage: "prod" });
    await config.stacks(app);
    expect(smsCall(templateOf(app, "Messaging")).parameters.attributes).toMatchObject({
      DefaultSMSType: "Transactional",
      DefaultSenderID: "LAPORA",
      MonthlySpendLimit: "100",
    });
    expect(
      smsSettings("uji", { LAPORA_SMS_MONTHLY_LIMIT_USD: "20", LAPORA_SMS_MAX_PRICE_USD: "0.3" }),
    ).toMatchObject({ monthlySpendLimitUsd: "20", maxPriceUsd: "0.3", senderId: "LAPORAUJI" });
  });

  it("refuses settings SNS would reject, at deploy time", () => {
    expect(() => smsSettings("prod", { LAPORA_SMS_SENDER_ID: "POLRES-MUBA" })).toThrow(/SENDER_ID/);
    expect(() => smsSettings("prod", { LAPORA_SMS_SENDER_ID: "123456" })).toThrow(/SENDER_ID/);
    expect(() => smsSettings("prod", { LAPORA_SMS_MONTHLY_LIMIT_USD: "lots" })).toThrow(/MONTHLY_LIMIT/);
    expect(() => smsSettings("prod", { LAPORA_SMS_MAX_PRICE_USD: "-1" })).toThrow(/MAX_PRICE/);
  });
});
