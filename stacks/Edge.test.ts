import { Stack } from "aws-cdk-lib";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { createTestApp, templateOf } from "./test-app";
import { WAF_BLOCKED_BODY, WAF_RATE_LIMITS, webAclParameterName } from "./web-acl";

let t: Template;
let stacks: string[];

beforeAll(async () => {
  // `sst deploy --region us-east-1`: the same app, composed as the Edge app.
  const app = await createTestApp({ region: "us-east-1" });
  await config.stacks(app);
  t = templateOf(app, "Edge");
  stacks = app.node.children
    .filter((c): c is Stack => c instanceof Stack)
    .map((s) => `${s.stackName} ${s.region}`);
});

function webAcl() {
  const acls = Object.entries(t.findResources("AWS::WAFv2::WebACL"));
  expect(acls).toHaveLength(1);
  const [id, acl] = acls[0] ?? [];
  return {
    id: id as string,
    props: acl?.Properties,
    rules: acl?.Properties.Rules as { Name: string; Priority: number; VisibilityConfig: unknown }[],
  };
}
/** A rule of the web ACL, as synthesized (untyped, as every template value). */
const rule = (name: string) => webAcl().props.Rules.find((r: { Name: string }) => r.Name === name);

describe("Edge app: the CloudFront web ACL", () => {
  it("is the only stack of the app in us-east-1, and a CloudFront-scope web ACL that allows by default", () => {
    expect(stacks).toEqual(["test-lapora-Edge us-east-1"]);
    expect(webAcl().props).toMatchObject({
      Scope: "CLOUDFRONT",
      DefaultAction: { Allow: {} },
      Name: "test-lapora-web",
    });
    expect(webAcl().rules.map((r) => [r.Priority, r.Name])).toEqual([
      [0, "ipReputation"],
      [1, "reportsPerAddress"],
      [2, "signInPerAddress"],
    ]);
  });

  it("blocks AWS's list of known bad addresses first", () => {
    expect(rule("ipReputation")).toMatchObject({
      Statement: {
        ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesAmazonIpReputationList" },
      },
      OverrideAction: { None: {} },
    });
  });

  it("limits POST /api/reports (and its photo forms) per client address, answering 429 with Retry-After", () => {
    const rate = rule("reportsPerAddress")?.Statement.RateBasedStatement;
    expect(rate).toMatchObject({ AggregateKeyType: "IP", Limit: 60, EvaluationWindowSec: 300 });
    const [method, path] = rate.ScopeDownStatement.AndStatement.Statements;
    expect(method.ByteMatchStatement).toMatchObject({
      FieldToMatch: { Method: {} },
      PositionalConstraint: "EXACTLY",
      SearchString: "POST",
    });
    expect(path.ByteMatchStatement).toMatchObject({
      FieldToMatch: { UriPath: {} },
      PositionalConstraint: "STARTS_WITH",
      SearchString: "/api/reports",
      TextTransformations: [
        { Priority: 0, Type: "URL_DECODE" },
        { Priority: 1, Type: "LOWERCASE" },
      ],
    });
    expect(rule("reportsPerAddress")?.Action).toEqual({
      Block: {
        CustomResponse: {
          ResponseCode: 429,
          CustomResponseBodyKey: "tooMany",
          ResponseHeaders: [{ Name: "Retry-After", Value: "300" }],
        },
      },
    });
  });

  it("limits every method on /api/auth/* per client address", () => {
    const rate = rule("signInPerAddress")?.Statement.RateBasedStatement;
    expect(rate).toMatchObject({ AggregateKeyType: "IP", Limit: WAF_RATE_LIMITS.signIn.limit });
    expect(rate.ScopeDownStatement.ByteMatchStatement).toMatchObject({
      FieldToMatch: { UriPath: {} },
      SearchString: "/api/auth",
    });
    expect(rule("signInPerAddress")?.Action.Block.CustomResponse.ResponseCode).toBe(429);
  });

  it("answers a blocked address in API Gateway's { message } shape, with the call-110 notice in both languages", () => {
    expect(webAcl().props.CustomResponseBodies.tooMany).toEqual({
      ContentType: "APPLICATION_JSON",
      Content: WAF_BLOCKED_BODY,
    });
    const { message } = JSON.parse(WAF_BLOCKED_BODY);
    expect(message).toContain("telepon 110");
    expect(message).toContain("call 110");
  });

  it("keeps counts but no sampled requests (they would show client addresses)", () => {
    for (const config of [
      webAcl().props.VisibilityConfig,
      ...webAcl().rules.map((r) => r.VisibilityConfig),
    ]) {
      expect(config).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: false });
    }
  });

  it("leaves its ARN in the SSM parameter the Web stack reads", () => {
    t.hasResourceProperties("AWS::SSM::Parameter", {
      Name: webAclParameterName("test"),
      Type: "String",
      Value: { "Fn::GetAtt": [webAcl().id, "Arn"] },
    });
  });

  it("refuses to be created anywhere but us-east-1", async () => {
    const app = await createTestApp();
    const { Edge } = await import("./Edge");
    expect(() => app.stack(Edge)).toThrow(/must be deployed in us-east-1, not ap-southeast-3/);
  });
});
