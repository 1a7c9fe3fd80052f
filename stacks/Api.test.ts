import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { Match, Template } from "aws-cdk-lib/assertions";
import { Function as LambdaFunction, type Stack } from "sst/constructs";
import { useProject } from "sst/project.js";
import { beforeAll, describe, expect, it } from "vitest";
import { Api } from "./Api";
import { Auth } from "./Auth";
import { functionDefaults } from "./defaults";
import { Jobs } from "./Jobs";
import { Messaging } from "./Messaging";
import { Storage } from "./Storage";
import { createTestApp } from "./test-app";

let t: Template;
let auth: Template;
let bundlePath: string;

type Route = { RouteKey: string; AuthorizationType?: string; AuthorizerId?: unknown };

function routes(): Route[] {
  return Object.values(t.findResources("AWS::ApiGatewayV2::Route")).map((r) => r.Properties);
}

/** The one resource of a type, with its logical id. */
function onlyOf(template: Template, type: string) {
  const found = Object.entries(template.findResources(type));
  expect(found).toHaveLength(1);
  const [id, resource] = found[0] ?? [];
  return { id: id as string, props: resource?.Properties };
}

/** How the Api stack refers to a value the Auth stack exports, e.g. `{ Ref: pool }`. */
function importOf(value: unknown) {
  const outputs = Object.values(
    auth.toJSON().Outputs as Record<string, { Value: unknown; Export?: { Name: string } }>,
  );
  const exported = outputs.find((o) => o.Export && JSON.stringify(o.Value) === JSON.stringify(value));
  if (!exported?.Export) throw new Error(`Auth exports no ${JSON.stringify(value)}`);
  return { "Fn::ImportValue": exported.Export.Name };
}

/**
 * The route API Gateway picks for a path, as HTTP APIs do: a route without a greedy `{proxy+}` wins, then
 * the greedy route with the longest literal prefix. (Only the route shapes this API uses are modelled.)
 */
function routeFor(path: string): Route | undefined {
  const segments = path.split("/").filter(Boolean);
  const matches = routes().flatMap((route) => {
    const pattern = (route.RouteKey.split(" ")[1] ?? "").split("/").filter(Boolean);
    const greedy = pattern.at(-1)?.endsWith("+}") ?? false;
    const fixed = greedy ? pattern.slice(0, -1) : pattern;
    if (greedy ? segments.length <= fixed.length : segments.length !== fixed.length) return [];
    const ok = fixed.every((p, i) => p === segments[i] || (p.startsWith("{") && p.endsWith("}")));
    return ok ? [{ route, score: greedy ? fixed.length : 1000 }] : [];
  });
  return matches.sort((a, b) => b.score - a.score)[0]?.route;
}

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
  app.stack(Storage).stack(Messaging).stack(Auth).stack(Jobs).stack(Api);
  // Builds the api function with esbuild, as `sst deploy` does, so the template holds the real runtime.
  await app.finish();
  const stack = app.node.tryFindChild("test-lapora-Api") as Stack;
  t = Template.fromStack(stack);
  auth = Template.fromStack(app.node.tryFindChild("test-lapora-Auth") as Stack);
  const fn = stack.node.findAll().find((c) => c instanceof LambdaFunction && c.id === "api");
  if (!fn) throw new Error("no api function");
  // SST builds each function into .sst/artifacts/<construct address>.
  bundlePath = join(useProject().paths.artifacts, fn.node.addr, "packages/functions/src/api/handler.mjs");
});

describe("Api stack", () => {
  it("sends every /api/* request to the api function", () => {
    t.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "ANY /api/{proxy+}" });
    // The catch-all plus the four officer routes, all integrated with the one function.
    t.resourceCountIs("AWS::ApiGatewayV2::Route", 5);
    const integrations = Object.values(t.findResources("AWS::ApiGatewayV2::Integration"));
    expect(integrations).toHaveLength(5);
    const targets = new Set(integrations.map((i) => JSON.stringify(i.Properties.IntegrationUri)));
    expect(targets.size).toBe(1);
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

  it("builds the api with code splitting: ElectroDB is in a chunk the handler imports on first use", () => {
    const dir = dirname(bundlePath);
    const entry = readFileSync(bundlePath, "utf8");
    const chunk = readdirSync(dir).find((f) => /^dynamo-.*\.mjs$/.test(f));
    expect(chunk).toBeDefined();
    expect(entry).toMatch(new RegExp(`import\\(\\s*"\\./${chunk?.replace(".", "\\.")}"\\s*\\)`));
    // ElectroDB (its name is in its error texts) is in that chunk, not in what a cold start loads.
    expect(readFileSync(join(dir, chunk as string), "utf8")).toContain("electrodb");
    const atInit = [
      entry,
      ...[...entry.matchAll(/from\s*"\.\/([^"]+\.mjs)"/g)].map((m) =>
        readFileSync(join(dir, m[1] as string), "utf8"),
      ),
    ];
    for (const code of atInit) expect(code).not.toContain("electrodb");
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
      "dynamodb:DeleteItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]);
    const resources = JSON.stringify(dynamo[0]?.Resource);
    expect(resources).toContain("/index/*");
    expect(dynamo[0]?.Resource).toHaveLength(2);
  });

  it("grants the api function only AdminCreateUser/DisableUser/EnableUser, on the officers' pool only", () => {
    const { id: pool } = onlyOf(auth, "AWS::Cognito::UserPool");
    const role = Object.values(
      t.findResources("AWS::Lambda::Function", {
        Properties: { Handler: "packages/functions/src/api/handler.handler" },
      }),
    )[0]?.Properties.Role["Fn::GetAtt"][0];
    const statements = Object.values(t.findResources("AWS::IAM::Policy"))
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }]))
      .flatMap(
        (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      );
    const cognito = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith("cognito-idp:")));
    expect(cognito).toHaveLength(1);
    expect([cognito[0]?.Action].flat().sort()).toEqual([
      "cognito-idp:AdminCreateUser",
      "cognito-idp:AdminDisableUser",
      "cognito-idp:AdminEnableUser",
    ]);
    expect(cognito[0]?.Resource).toEqual(importOf({ "Fn::GetAtt": [pool, "Arn"] }));
    // No other stack's policy grants Cognito actions either.
    const everywhere = allGrantedActions(t).filter((a) => a.startsWith("cognito-idp:"));
    expect(everywhere).toHaveLength(3);
  });

  it("grants no wildcard permissions in the Api stack", () => {
    const actions = allGrantedActions(t);
    expect(actions.length).toBeGreaterThan(0);
    for (const wildcard of ["*", "dynamodb:*", "s3:*", "sns:*", "sqs:*", "ssm:*"]) {
      expect(actions).not.toContain(wildcard);
    }
  });
});

describe("Api stack: officers' routes", () => {
  function authorizer() {
    return onlyOf(t, "AWS::ApiGatewayV2::Authorizer");
  }

  it("checks officers' ID tokens with a JWT authorizer for the user pool and the console's client", () => {
    const { id: pool } = onlyOf(auth, "AWS::Cognito::UserPool");
    const { id: client } = onlyOf(auth, "AWS::Cognito::UserPoolClient");
    const { props } = authorizer();
    expect(props.AuthorizerType).toBe("JWT");
    expect(props.IdentitySource).toEqual(["$request.header.Authorization"]);
    expect(props.JwtConfiguration).toEqual({
      Issuer: {
        "Fn::Join": ["", ["https://cognito-idp.ap-southeast-3.amazonaws.com/", importOf({ Ref: pool })]],
      },
      Audience: [importOf({ Ref: client })],
    });
  });

  it("gives the api function the same issuer and audience, and the pool id", () => {
    const { props } = authorizer();
    const { id: pool } = onlyOf(auth, "AWS::Cognito::UserPool");
    t.hasResourceProperties("AWS::Lambda::Function", {
      Handler: "packages/functions/src/api/handler.handler",
      Environment: {
        Variables: Match.objectLike({
          AUTH_ISSUER: props.JwtConfiguration.Issuer,
          AUTH_AUDIENCE: props.JwtConfiguration.Audience[0],
          USER_POOL_ID: importOf({ Ref: pool }),
        }),
      },
    });
  });

  it("puts the authorizer on the officer and admin routes", () => {
    const { id } = authorizer();
    for (const key of ["ANY /api/officer/{proxy+}", "ANY /api/admin/{proxy+}"]) {
      t.hasResourceProperties("AWS::ApiGatewayV2::Route", {
        RouteKey: key,
        AuthorizationType: "JWT",
        AuthorizerId: { Ref: id },
      });
    }
  });

  it("has no route under /api/officer or /api/admin without the authorizer", () => {
    const { id } = authorizer();
    const guarded = routes().filter((r) =>
      /^\/api\/(officer|admin)(\/|$)/.test(r.RouteKey.split(" ")[1] ?? ""),
    );
    expect(guarded.length).toBeGreaterThanOrEqual(2);
    for (const route of guarded) {
      expect(route, route.RouteKey).toMatchObject({ AuthorizationType: "JWT", AuthorizerId: { Ref: id } });
    }
  });

  it("sends every officer and admin path to a guarded route, and residents' and sign-in paths to a public one", () => {
    for (const path of [
      "/api/officer",
      "/api/officer/me",
      "/api/officer/reports/r1/actions",
      "/api/admin",
      "/api/admin/officers/12345678",
    ]) {
      expect(routeFor(path)?.AuthorizationType, path).toBe("JWT");
    }
    for (const path of [
      "/api/reports",
      "/api/reports/track/LPR-1",
      "/api/regions",
      "/api/auth/login",
      "/api/health",
    ]) {
      expect(routeFor(path)?.AuthorizationType, path).toBe("NONE");
    }
  });
});
