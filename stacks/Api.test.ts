import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Match, Template } from "aws-cdk-lib/assertions";
import { Function as LambdaFunction, type Stack } from "sst/constructs";
import { useProject } from "sst/project.js";
import { beforeAll, describe, expect, it } from "vitest";
import { Api } from "./Api";
import { functionDefaults } from "./defaults";
import { Storage } from "./Storage";
import { createTestApp } from "./test-app";

let t: Template;
let bundlePath: string;

/** Every IAM action granted anywhere in the template, flattened. */
function allGrantedActions(template: Template): string[] {
  const policies = template.findResources("AWS::IAM::Policy");
  return Object.values(policies).flatMap((p) =>
    (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) =>
      Array.isArray(s.Action) ? s.Action : [s.Action],
    ),
  );
}

beforeAll(async () => {
  const app = await createTestApp();
  app.setDefaultFunctionProps(functionDefaults);
  // Only the stacks the API needs: finish() runs every deferred build, and Web's would build the site.
  app.stack(Storage).stack(Api);
  // Builds the api function with esbuild, as `sst deploy` does, so the template holds the real runtime.
  await app.finish();
  const stack = app.node.tryFindChild("test-lapora-Api") as Stack;
  t = Template.fromStack(stack);
  const fn = stack.node.findAll().find((c) => c instanceof LambdaFunction && c.id === "api");
  if (!fn) throw new Error("no api function");
  // SST builds each function into .sst/artifacts/<construct address>.
  bundlePath = join(useProject().paths.artifacts, fn.node.addr, "packages/functions/src/api/handler.mjs");
});

describe("Api stack", () => {
  it("sends every /api/* request to the api function", () => {
    t.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "ANY /api/{proxy+}" });
    t.resourceCountIs("AWS::ApiGatewayV2::Route", 1);
    t.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      ProtocolType: "HTTP",
      CorsConfiguration: Match.absent(),
    });
  });

  it("throttles the default stage", () => {
    t.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 25 },
    });
  });

  it("runs the bundled handler on nodejs22.x, arm64, with the table name", () => {
    t.hasResourceProperties("AWS::Lambda::Function", {
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      MemorySize: 512,
      Timeout: 10,
      Handler: "packages/functions/src/api/handler.handler",
      Code: { S3Bucket: Match.anyValue(), S3Key: Match.stringLikeRegexp("\\.zip$") },
      Environment: {
        Variables: Match.objectLike({ TABLE_NAME: { "Fn::ImportValue": Match.stringLikeRegexp("table") } }),
      },
    });
  });

  it("bundles the handler minified as ESM, leaving the AWS SDK to the runtime", () => {
    const bundle = readFileSync(bundlePath, "utf8");
    expect(bundle).toMatch(/from\s*"@aws-sdk\/client-dynamodb"/);
    expect(bundle).not.toContain("DynamoDBClient.prototype");
    // Minified: few, very long lines.
    expect(bundle.split("\n").length).toBeLessThan(50);
    expect(statSync(bundlePath).size).toBeLessThan(1_000_000);
  });

  it("grants the api function only the DynamoDB actions it uses, on the table and its indexes", () => {
    const fns = t.findResources("AWS::Lambda::Function", {
      Properties: { Handler: "packages/functions/src/api/handler.handler" },
    });
    expect(Object.values(fns)).toHaveLength(1);
    const role = Object.values(fns)[0]?.Properties.Role["Fn::GetAtt"][0];
    const policies = t.findResources("AWS::IAM::Policy", {
      Properties: { Roles: [{ Ref: role }] },
    });
    const statements = Object.values(policies).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith("dynamodb:")));
    expect(dynamo).toHaveLength(1);
    expect([dynamo[0]?.Action].flat().sort()).toEqual([
      "dynamodb:ConditionCheckItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]);
    const resources = JSON.stringify(dynamo[0]?.Resource);
    expect(resources).toContain("/index/*");
    expect(dynamo[0]?.Resource).toHaveLength(2);
  });

  it("grants no wildcard permissions in the Api stack", () => {
    const actions = allGrantedActions(t);
    expect(actions.length).toBeGreaterThan(0);
    for (const wildcard of ["*", "dynamodb:*", "s3:*", "sns:*", "sqs:*", "ssm:*"]) {
      expect(actions).not.toContain(wildcard);
    }
  });
});
