import { runInNewContext } from "node:vm";
import { contentSecurityPolicy, webPageFor, webStyleHashes } from "@lapora/core/infra";
import { Match, type Template } from "aws-cdk-lib/assertions";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { ORIGIN_HEADER } from "./Api";
import { createTestApp, PRIVATE_BUCKET, templateOf } from "./test-app";
import { CLIENT_ADDRESS_CODE, CLIENT_HEADER, SPA_ROUTING_CODE, WEB_DIST } from "./Web";
import { EDGE_REGION, webAclParameterName } from "./web-acl";

let t: Template;
let api: Template;

beforeAll(async () => {
  const app = await createTestApp();
  await config.stacks(app);
  t = templateOf(app, "Web");
  api = templateOf(app, "Api");
});

function securityHeaders() {
  const policies = Object.values(t.findResources("AWS::CloudFront::ResponseHeadersPolicy"));
  expect(policies).toHaveLength(1);
  return policies[0]?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
}

function distribution() {
  const found = Object.values(t.findResources("AWS::CloudFront::Distribution"));
  expect(found).toHaveLength(1);
  return found[0]?.Properties.DistributionConfig;
}

describe("Web stack: security headers", () => {
  it("serves the CSP of packages/core/src/web-security.ts: no inline script, inline style only by the build's hash", () => {
    const csp = securityHeaders().ContentSecurityPolicy;
    expect(csp.Override).toBe(true);
    // The bucket's name is only known at deploy time: the policy is a join around its regional domain.
    const parts = csp.ContentSecurityPolicy["Fn::Join"][1] as unknown[];
    const text = parts.map((p) => (typeof p === "string" ? p : "BUCKET")).join("");
    // The site was built for this synth (SST's deferred task): its inline stylesheet's hash is allowed.
    const styleHashes = webStyleHashes(WEB_DIST);
    expect(styleHashes).toHaveLength(1);
    expect(text).toBe(contentSecurityPolicy({ uploadOrigins: ["https://BUCKET"], styleHashes }));
    expect(text).toContain(`style-src 'self' '${styleHashes[0]}';`);
    expect(text).toContain("script-src 'self';");
    expect(text).not.toContain("unsafe-inline");
    expect(text).not.toContain("unsafe-eval");
  });

  it("lets the browser post photos to the evidence bucket, and nowhere else outside the site", () => {
    const parts = securityHeaders().ContentSecurityPolicy.ContentSecurityPolicy["Fn::Join"][1] as unknown[];
    const tokens = parts.filter((p) => typeof p !== "string");
    expect(tokens.length).toBe(2); // connect-src (uploads) and img-src (display copies for officers)
    for (const token of tokens) {
      expect(JSON.stringify(token)).toMatch(
        /test-lapora-Storage:ExportsOutput.*evidence.*RegionalDomainName/,
      );
    }
    const text = parts.map((p) => (typeof p === "string" ? p : "BUCKET")).join("");
    expect(text).toContain("connect-src 'self' https://BUCKET;");
    expect(text).toContain("img-src 'self' data: blob: https://BUCKET;");
  });

  it("adds HSTS, nosniff, DENY framing and no-referrer", () => {
    const headers = securityHeaders();
    expect(headers.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: "DENY", Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: "no-referrer", Override: true });
  });

  it("applies them to every page of the site", () => {
    const policyId = Object.keys(t.findResources("AWS::CloudFront::ResponseHeadersPolicy"))[0];
    expect(distribution().DefaultCacheBehavior).toMatchObject({
      ResponseHeadersPolicyId: { Ref: policyId },
      ViewerProtocolPolicy: "redirect-to-https",
    });
  });
});

describe("Web stack: routing", () => {
  it("caches only the public statistics at the edge, by the API's own Cache-Control", () => {
    const behaviors = distribution().CacheBehaviors;
    expect(behaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(["/api/stats/*", "/api/*"]);
    expect(behaviors[0]).toMatchObject({
      AllowedMethods: ["GET", "HEAD"],
      CachePolicyId: "83da9c7e-98b4-4e11-a168-04f0df8e2c65", // Managed-UseOriginCacheControlHeaders
      ViewerProtocolPolicy: "https-only",
    });
    expect(behaviors[0].TargetOriginId).toBe(behaviors[1].TargetOriginId);
  });

  it("sends /api/* on the same domain to the HTTP API, uncached, with every method", () => {
    const behaviors = distribution().CacheBehaviors.filter(
      (b: { PathPattern: string }) => b.PathPattern === "/api/*",
    );
    expect(behaviors).toHaveLength(1);
    expect(behaviors[0]).toMatchObject({
      PathPattern: "/api/*",
      AllowedMethods: expect.arrayContaining(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
      CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", // Managed-CachingDisabled
      OriginRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac", // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: "https-only",
    });
    const origin = distribution().Origins.find((o: { Id: string }) => o.Id === behaviors[0].TargetOriginId);
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
    expect(JSON.stringify(origin.DomainName)).toMatch(/test-lapora-Api:ExportsOutput.*httpApi.*ApiEndpoint/);
  });

  it("has no error-page rewrites, so the API's own 403 and 404 reach the browser", () => {
    expect(distribution().CustomErrorResponses).toBeUndefined();
  });

  it("routes the form to index.html, other app pages to app.html and the console to console.html, as core says", () => {
    const fns = Object.values(t.findResources("AWS::CloudFront::Function"));
    const code = fns.find((f) => f.Properties.FunctionCode === SPA_ROUTING_CODE)?.Properties
      .FunctionCode as string;
    expect(code).toBe(SPA_ROUTING_CODE);
    const handler = runInNewContext(`${code}; handler`) as (e: unknown) => { uri: string };
    const route = (uri: string) => handler({ request: { uri } }).uri;
    expect(route("/")).toBe("/index.html");
    expect(route("/lacak/AB12-CD34")).toBe("/app.html");
    expect(route("/statistik/")).toBe("/app.html");
    expect(route("/privasi")).toBe("/app.html");
    expect(route("/konsol")).toBe("/console.html");
    expect(route("/konsol/laporan/abc")).toBe("/console.html");
    expect(route("/konsolidasi")).toBe("/app.html");
    expect(route("/assets/index-Cd_aCAm-.js")).toBe("/assets/index-Cd_aCAm-.js");
    expect(route("/favicon.ico")).toBe("/favicon.ico");
    // The same rule as core's webPageFor, which the local server and the service worker use.
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("", "konsol", "lacak", "a.b", "x", "index.html", "konsolidasi", "."), {
          maxLength: 4,
        }),
        (parts) => {
          const uri = `/${parts.join("/")}`;
          expect(route(uri)).toBe(webPageFor(uri) ?? uri);
        },
      ),
    );
    t.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [{ EventType: "viewer-request", FunctionARN: Match.anyValue() }],
        }),
      }),
    });
  });
});

describe("Web stack: site bucket", () => {
  it("is private and TLS-only; CloudFront reads it", () => {
    t.hasResourceProperties("AWS::S3::Bucket", {
      ...PRIVATE_BUCKET,
    });
    t.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("outputs the site URL", () => {
    t.hasOutput("SiteUrl", { Value: Match.anyValue() });
  });

  it("outputs the name of the source-key secret for npm run smoke, never a secret's value", () => {
    const value = JSON.stringify(t.toJSON().Outputs.SourceKeySecretName.Value);
    expect(value).toMatch(/test-lapora-Api:ExportsOutput\w*sourceKeySecret/);
    expect(value).not.toMatch(/originSecret|resolve:secretsmanager/);
  });
});

/** The value an `Fn::ImportValue` of the Web stack stands for in the Api stack that exports it. */
function exported(value: unknown): unknown {
  const name = (value as { "Fn::ImportValue"?: string })["Fn::ImportValue"];
  const outputs = Object.values(
    api.toJSON().Outputs as Record<string, { Value: unknown; Export?: { Name: string } }>,
  );
  return outputs.find((o) => o.Export?.Name === name)?.Value;
}

describe("Web stack: the API answers only through CloudFront", () => {
  function apiOrigin() {
    const behavior = distribution().CacheBehaviors.find(
      (b: { PathPattern: string }) => b.PathPattern === "/api/*",
    );
    return distribution().Origins.find((o: { Id: string }) => o.Id === behavior.TargetOriginId);
  }

  it("adds the origin secret header to every request for the API origin, and to no other origin", () => {
    expect(apiOrigin().OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_HEADER, HeaderValue: expect.anything() },
    ]);
    const others = distribution().Origins.filter((o: { Id: string }) => o.Id !== apiOrigin().Id);
    expect(others.length).toBeGreaterThan(0);
    for (const origin of others) expect(origin.OriginCustomHeaders).toBeUndefined();
  });

  it("sends the same value both functions check: the Api stack's origin secret", () => {
    const [prefix, reference, suffix] = apiOrigin().OriginCustomHeaders[0].HeaderValue["Fn::Join"][1];
    const [secretId] = Object.keys(api.findResources("AWS::SecretsManager::Secret")).filter((id) =>
      id.startsWith("originSecret"),
    );
    expect([prefix, exported(reference), suffix]).toEqual([
      "{{resolve:secretsmanager:",
      { Ref: secretId },
      ":SecretString:::}}",
    ]);
    const apiFunctions = Object.values(api.findResources("AWS::Lambda::Function")).filter(
      (f) => f.Properties.Environment?.Variables?.API_SURFACE,
    );
    expect(apiFunctions).toHaveLength(2);
    for (const fn of apiFunctions) {
      expect(fn.Properties.Environment.Variables.ORIGIN_SECRET).toEqual({
        "Fn::Join": ["", [prefix, { Ref: secretId }, suffix]],
      });
    }
  });
});

describe("Web stack: the web ACL", () => {
  it("puts the Edge app's web ACL on the distribution, read from its SSM parameter in us-east-1", () => {
    const lookups = Object.entries(t.findResources("Custom::AWS")).filter(([id]) =>
      id.startsWith("webAclLookup"),
    );
    expect(lookups).toHaveLength(1);
    const [lookupId, lookup] = lookups[0] ?? [];
    expect(distribution().WebACLId).toEqual({ "Fn::GetAtt": [lookupId, "Parameter.Value"] });
    const call = JSON.parse(lookup?.Properties.Create);
    expect(call).toMatchObject({
      service: "SSM",
      action: "getParameter",
      region: EDGE_REGION,
      parameters: { Name: webAclParameterName("test") },
    });
    expect(lookup?.Properties.Update).toBe(lookup?.Properties.Create);
  });

  it("may read that one parameter and nothing else", () => {
    const statements = Object.values(t.findResources("AWS::IAM::Policy"))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string; Resource: unknown }[])
      .filter((s) => JSON.stringify(s.Action).includes("ssm:"));
    expect(statements).toHaveLength(1);
    expect(statements[0]?.Action).toBe("ssm:GetParameter");
    expect(JSON.stringify(statements[0]?.Resource)).toContain(
      `:ssm:${EDGE_REGION}:123456789012:parameter${webAclParameterName("test")}`,
    );
  });
});

describe("Web stack: the client's address for the API", () => {
  it("overwrites x-lapora-client with the address CloudFront saw, on every /api/* behaviour", () => {
    const fns = Object.values(t.findResources("AWS::CloudFront::Function"));
    expect(fns.map((f) => f.Properties.FunctionCode)).toContain(CLIENT_ADDRESS_CODE);
    const handler = runInNewContext(`${CLIENT_ADDRESS_CODE}; handler`) as (e: unknown) => {
      headers: Record<string, { value: string }>;
    };
    // A viewer that sends the header itself, and a spoofed X-Forwarded-For, get CloudFront's view.
    const request = {
      headers: {
        [CLIENT_HEADER]: { value: "10.0.0.1" },
        "x-forwarded-for": { value: "10.0.0.2" },
      },
    };
    expect(handler({ request, viewer: { ip: "203.0.113.9" } }).headers[CLIENT_HEADER]?.value).toBe(
      "203.0.113.9",
    );
    const apiBehaviours = distribution().CacheBehaviors.filter((b: { PathPattern: string }) =>
      b.PathPattern.startsWith("/api/"),
    );
    expect(apiBehaviours.length).toBeGreaterThanOrEqual(2);
    for (const b of apiBehaviours) {
      expect(b.FunctionAssociations, b.PathPattern).toEqual([
        { EventType: "viewer-request", FunctionARN: expect.anything() },
      ]);
    }
  });
});
