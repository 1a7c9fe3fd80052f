import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CfnElement } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { Function as LambdaFunction, type Stack } from "sst/constructs";
import { useProject } from "sst/project.js";
import { beforeAll, describe, expect, it } from "vitest";
import { Api } from "./Api";
import { Auth } from "./Auth";
import { API_ACCESS_LOG_FORMAT } from "./api-access-log";
import { API_ROUTES, apiConcurrency } from "./api-limits";
import { functionDefaults } from "./defaults";
import { Jobs } from "./Jobs";
import { Messaging } from "./Messaging";
import { Storage } from "./Storage";
import { createTestApp } from "./test-app";

let t: Template;
let auth: Template;
/** Each function's logical id and built entry, by its construct id. */
const built: Record<string, { id: string; bundle: string }> = {};
const FUNCTIONS = ["apiPublic", "apiOfficer"] as const;

type Route = { RouteKey: string; AuthorizationType?: string; AuthorizerId?: unknown; Target?: unknown };

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

/** The function a route's integration invokes, by construct id. */
function targetOf(route: Route | undefined): string | undefined {
  const target = JSON.stringify((route as { Target?: unknown } | undefined)?.Target ?? "");
  const integration = Object.entries(t.findResources("AWS::ApiGatewayV2::Integration")).find(([id]) =>
    target.includes(`"${id}"`),
  )?.[1];
  const uri = JSON.stringify(integration?.Properties.IntegrationUri ?? "");
  return FUNCTIONS.find((fn) => uri.includes(`"${built[fn]?.id}"`));
}

const functionProps = (fn: string) => t.toJSON().Resources[built[fn]?.id ?? ""].Properties;

beforeAll(async () => {
  const app = await createTestApp();
  app.setDefaultFunctionProps(functionDefaults);
  // Only the stacks the API needs: finish() runs every deferred build, and Web's would build the site.
  app.stack(Storage).stack(Messaging).stack(Auth).stack(Jobs).stack(Api);
  // Builds the api functions with esbuild, as `sst deploy` does, so the template holds the real runtime.
  await app.finish();
  const stack = app.node.tryFindChild("test-lapora-Api") as Stack;
  t = Template.fromStack(stack);
  auth = Template.fromStack(app.node.tryFindChild("test-lapora-Auth") as Stack);
  for (const name of FUNCTIONS) {
    const fn = stack.node.findAll().find((c) => c instanceof LambdaFunction && c.id === name);
    if (!fn) throw new Error(`no ${name} function`);
    built[name] = {
      id: stack.getLogicalId(fn.node.defaultChild as CfnElement),
      // SST builds each function into .sst/artifacts/<construct address>.
      bundle: join(useProject().paths.artifacts, fn.node.addr, "packages/functions/src/api/handler.mjs"),
    };
  }
});

/** Residents' paths, one per public route of the contract, and sign-in's, the console's and the roster's. */
const PUBLIC_PATHS = [
  "/api/health",
  "/api/openapi.json",
  "/api/regions",
  "/api/reports",
  "/api/reports/track/LPR-1",
  "/api/reports/r1/evidence",
  "/api/stats/weeks",
  "/api/stats/weekly/2026-W47",
  "/api/stats/files/2026-W47.csv",
];
const SIGN_IN_PATHS = ["/api/auth", "/api/auth/login", "/api/auth/new-password"];
const GUARDED_PATHS = [
  "/api/officer",
  "/api/officer/me",
  "/api/officer/reports/r1/actions",
  "/api/admin",
  "/api/admin/officers/12345678",
];

describe("Api stack: two functions, one per door", () => {
  it("sends residents' routes to apiPublic, and sign-in, the console and the roster to apiOfficer", () => {
    t.resourceCountIs("AWS::ApiGatewayV2::Route", API_ROUTES.length);
    for (const path of PUBLIC_PATHS) expect(targetOf(routeFor(path)), path).toBe("apiPublic");
    for (const path of [...SIGN_IN_PATHS, ...GUARDED_PATHS]) {
      expect(targetOf(routeFor(path)), path).toBe("apiOfficer");
    }
    expect(routeFor("/api/reports")?.RouteKey).toBe("POST /api/reports");
    t.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      ProtocolType: "HTTP",
      CorsConfiguration: Match.absent(),
    });
  });

  it("runs the same bundled handler on nodejs22.x, arm64, each told its surface", () => {
    for (const [fn, surface] of [
      ["apiPublic", "public"],
      ["apiOfficer", "officer"],
    ] as const) {
      expect(functionProps(fn)).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        MemorySize: 512,
        Timeout: 10,
        Handler: "packages/functions/src/api/handler.handler",
        Code: { S3Bucket: expect.anything(), S3Key: expect.stringMatching(/\.zip$/) },
      });
      const env = functionProps(fn).Environment.Variables;
      expect(env.API_SURFACE).toBe(surface);
      expect(JSON.stringify(env.TABLE_NAME)).toMatch(/Fn::ImportValue.*table/);
    }
  });

  it("gives both functions the stage's origin secret, as a Secrets Manager dynamic reference", () => {
    const secrets = Object.entries(t.findResources("AWS::SecretsManager::Secret"));
    expect(secrets).toHaveLength(2);
    const [secretId, secret] = secrets.find(([id]) => id.startsWith("originSecret")) ?? [];
    expect(secret?.Properties.GenerateSecretString).toMatchObject({
      PasswordLength: 48,
      ExcludePunctuation: true,
    });
    const values = FUNCTIONS.map((fn) => functionProps(fn).Environment.Variables.ORIGIN_SECRET);
    expect(values[1]).toEqual(values[0]);
    expect(values[0]).toEqual({
      "Fn::Join": ["", ["{{resolve:secretsmanager:", { Ref: secretId }, ":SecretString:::}}"]],
    });
  });

  it("gives both functions the same source-key secret, apart from the origin secret", () => {
    const [sourceId] = Object.keys(t.findResources("AWS::SecretsManager::Secret")).filter((id) =>
      id.startsWith("sourceKeySecret"),
    );
    const values = FUNCTIONS.map((fn) => functionProps(fn).Environment.Variables.SOURCE_KEY_SECRET);
    expect(values[1]).toEqual(values[0]);
    expect(values[0]).toEqual({
      "Fn::Join": ["", ["{{resolve:secretsmanager:", { Ref: sourceId }, ":SecretString:::}}"]],
    });
  });

  it("reserves each function its own concurrency: small outside prod, and set per stage", () => {
    expect(functionProps("apiPublic").ReservedConcurrentExecutions).toBe(5);
    expect(functionProps("apiOfficer").ReservedConcurrentExecutions).toBe(5);
    expect(apiConcurrency("prod", {})).toEqual({ public: 50, officer: 20 });
    expect(apiConcurrency("prod", { public: "80", officer: "off" })).toEqual({
      public: 80,
      officer: undefined,
    });
    expect(() => apiConcurrency("uji", { public: "0" })).toThrow(/LAPORA_API_PUBLIC_CONCURRENCY/);
    expect(() => apiConcurrency("uji", { officer: "lots" })).toThrow(/LAPORA_API_OFFICER_CONCURRENCY/);
  });

  it("bundles the handler minified as ESM, leaving the AWS SDK to the runtime", () => {
    for (const fn of FUNCTIONS) {
      const path = built[fn]?.bundle as string;
      const bundle = readFileSync(path, "utf8");
      expect(bundle).toMatch(/from\s*"@aws-sdk\/client-dynamodb"/);
      expect(bundle).not.toContain("DynamoDBClient.prototype");
      // Minified: few, very long lines.
      expect(bundle.split("\n").length).toBeLessThan(50);
      expect(statSync(path).size).toBeLessThan(1_000_000);
    }
  });

  it("builds with code splitting: ElectroDB is in a chunk the handler imports on first use", () => {
    for (const fn of FUNCTIONS) {
      const path = built[fn]?.bundle as string;
      const dir = dirname(path);
      const entry = readFileSync(path, "utf8");
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
    }
  });
});

describe("Api stack: throttles and the access log", () => {
  const stage = () => onlyOf(t, "AWS::ApiGatewayV2::Stage").props;

  it("keeps a default throttle for the stage, and gives every route its own", () => {
    expect(stage()).toMatchObject({
      StageName: "$default",
      DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 25 },
    });
    const settings = stage().RouteSettings as Record<string, object>;
    expect(Object.keys(settings).sort()).toEqual(
      routes()
        .map((r) => r.RouteKey)
        .sort(),
    );
    for (const { route, throttle } of API_ROUTES) {
      expect(settings[route], route).toEqual({
        ThrottlingRateLimit: throttle.rate,
        ThrottlingBurstLimit: throttle.burst,
      });
    }
  });

  it("throttles report intake and sign-in below the rest, each in its own bucket", () => {
    const settings = stage().RouteSettings as Record<string, { ThrottlingRateLimit: number }>;
    const rate = (route: string) => settings[route]?.ThrottlingRateLimit ?? Number.NaN;
    expect(rate("POST /api/reports")).toBeLessThan(rate("ANY /api/{proxy+}"));
    expect(rate("ANY /api/auth/{proxy+}")).toBeLessThan(rate("ANY /api/officer/{proxy+}"));
  });

  it("creates the stage after the routes its settings name", () => {
    const [stageId] = Object.keys(t.findResources("AWS::ApiGatewayV2::Stage"));
    const dependsOn = t.toJSON().Resources[stageId as string].DependsOn as string[];
    for (const id of Object.keys(t.findResources("AWS::ApiGatewayV2::Route")))
      expect(dependsOn).toContain(id);
  });

  it("logs each request without the caller's address or user agent", () => {
    const format = stage().AccessLogSettings.Format as string;
    expect(format).toBe(API_ACCESS_LOG_FORMAT);
    const fields = JSON.parse(format.replace(/:(\$context\.\w+)/g, ':"$1"')) as Record<string, string>;
    expect(fields).toMatchObject({ requestId: "$context.requestId", status: "$context.status" });
    expect(format).not.toContain("sourceIp");
    expect(format).not.toMatch(/identity\.|userAgent|X-Forwarded-For/i);
    t.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 30 });
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

  it("gives the officer function the same issuer and audience, and the pool id", () => {
    const { props } = authorizer();
    const { id: pool } = onlyOf(auth, "AWS::Cognito::UserPool");
    expect(functionProps("apiOfficer").Environment.Variables).toMatchObject({
      AUTH_ISSUER: props.JwtConfiguration.Issuer,
      AUTH_AUDIENCE: props.JwtConfiguration.Audience[0],
      USER_POOL_ID: importOf({ Ref: pool }),
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
    for (const path of GUARDED_PATHS) expect(routeFor(path)?.AuthorizationType, path).toBe("JWT");
    for (const path of [...PUBLIC_PATHS, ...SIGN_IN_PATHS]) {
      expect(routeFor(path)?.AuthorizationType, path).toBe("NONE");
    }
  });
});
