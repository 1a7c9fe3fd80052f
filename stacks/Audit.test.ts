import type { Template } from "aws-cdk-lib/assertions";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { LOG_RETENTION_DAYS, TRAIL_RETENTION_DAYS, trailManagementEvents } from "./Audit";
import { CLOUDFRONT_LOG_FIELDS, CLOUDFRONT_LOG_LEFT_OUT } from "./cloudfront-logs";
import { createTestApp, OWNER_ENFORCED, PRIVATE_BUCKET, templateOf } from "./test-app";
import { EDGE_REGION } from "./web-acl";

let t: Template;
let prod: Template;
let prodWeb: Template;
let prodStorage: Template;

const synth = async (stage?: string) => {
  const app = await createTestApp(stage ? { stage } : {});
  await config.stacks(app);
  return app;
};

beforeAll(async () => {
  t = templateOf(await synth(), "Audit");
  const app = await synth("prod");
  prod = templateOf(app, "Audit");
  prodWeb = templateOf(app, "Web");
  prodStorage = templateOf(app, "Storage");
});

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON.
type Json = any;
type Resource = { Type: string; Properties: Record<string, Json>; DeletionPolicy?: string };
const only = (template: Template, type: string): [string, Resource] => {
  const found = Object.entries(template.findResources(type));
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
};
const trail = (template: Template) => only(template, "AWS::CloudTrail::Trail")[1].Properties;
const bucketId = (template: Template, ref: { Ref: string }) => {
  expect(Object.keys(template.findResources("AWS::S3::Bucket"))).toContain(ref.Ref);
  return ref.Ref;
};
const bucket = (template: Template, id: string) => template.toJSON().Resources[id] as Resource;
const policyOf = (template: Template, id: string) =>
  Object.values(template.findResources("AWS::S3::BucketPolicy")).find((p) => p.Properties.Bucket.Ref === id)
    ?.Properties.PolicyDocument.Statement as {
    Effect: string;
    Principal: unknown;
    Action: unknown;
    Condition?: Json;
  }[];
const trailBucketId = (template: Template) => bucketId(template, trail(template).S3BucketName);
const logBucketId = (template: Template) =>
  bucketId(
    template,
    bucket(template, trailBucketId(template)).Properties.LoggingConfiguration.DestinationBucketName,
  );
const selector = (name: string, template = prod) =>
  (trail(template).AdvancedEventSelectors as { Name: string; FieldSelectors: Json[] }[]).find(
    (s) => s.Name === name,
  )?.FieldSelectors;

describe("Audit stack: the CloudTrail trail", () => {
  it("records every read of an original under evidence/, by any principal", () => {
    const reads = selector("Reads of original evidence");
    expect(reads).toEqual([
      { Field: "eventCategory", Equals: ["Data"] },
      { Field: "resources.type", Equals: ["AWS::S3::Object"] },
      { Field: "resources.ARN", StartsWith: [expect.anything()] },
      { Field: "readOnly", Equals: ["true"] },
    ]);
    const prefix = JSON.stringify(reads?.[2].StartsWith);
    expect(prefix).toMatch(/prod-lapora-Storage:ExportsOutputFnGetAttevidenceBucket.*Arn.*"\/evidence\/"/);
  });

  it("records every write to an original, but the reporters' uploads (signed by apiPublic, from their phones)", () => {
    const writes = selector("Writes to original evidence, but the reporters' uploads");
    expect(writes?.slice(0, 4)).toEqual([
      { Field: "eventCategory", Equals: ["Data"] },
      { Field: "resources.type", Equals: ["AWS::S3::Object"] },
      selector("Reads of original evidence")?.[2],
      { Field: "readOnly", Equals: ["false"] },
    ]);
    expect(writes?.[4].Field).toBe("userIdentity.arn");
    const excluded = JSON.stringify(writes?.[4].NotStartsWith);
    expect(excluded).toContain(":sts::123456789012:assumed-role/");
    expect(excluded).toMatch(/prod-lapora-Api:ExportsOutputRefapiPublicServiceRole/);
    expect(excluded).not.toMatch(/apiOfficer/);
  });

  it("validates its log files, and records management events in every region unless told not to", () => {
    expect(trail(prod)).toMatchObject({
      TrailName: "prod-lapora-audit",
      IsLogging: true,
      EnableLogFileValidation: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
    });
    expect(selector("Management events")).toEqual([{ Field: "eventCategory", Equals: ["Management"] }]);
    expect(trailManagementEvents(undefined)).toBe(true);
    expect(trailManagementEvents("0")).toBe(false);
    expect(() => trailManagementEvents("no")).toThrow(/LAPORA_TRAIL_MANAGEMENT_EVENTS must be 1 or 0/);
  });
});

describe("Audit stack: without management events", () => {
  afterEach(() => {
    delete process.env.LAPORA_TRAIL_MANAGEMENT_EVENTS;
  });
  it("keeps the data events, in this region only", async () => {
    process.env.LAPORA_TRAIL_MANAGEMENT_EVENTS = "0";
    const off = templateOf(await synth("prod"), "Audit");
    expect(trail(off)).toMatchObject({ IsMultiRegionTrail: false, IncludeGlobalServiceEvents: false });
    expect(selector("Management events", off)).toBeUndefined();
    expect(selector("Reads of original evidence", off)).toHaveLength(4);
  });
});

describe("Audit stack: the trail's bucket", () => {
  it("blocks public access, refuses plain HTTP, versions, and lets only CloudTrail (this trail) write", () => {
    const id = trailBucketId(prod);
    expect(bucket(prod, id).Properties).toMatchObject({
      ...PRIVATE_BUCKET,
      ...OWNER_ENFORCED,
      VersioningConfiguration: { Status: "Enabled" },
    });
    const statements = policyOf(prod, id);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: "Deny",
        Action: "s3:*",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    );
    const allows = statements.filter((s) => s.Effect === "Allow");
    expect(allows.map((s) => s.Principal)).toEqual([
      { Service: "cloudtrail.amazonaws.com" },
      { Service: "cloudtrail.amazonaws.com" },
    ]);
    for (const s of allows)
      expect(JSON.stringify(s.Condition)).toContain(
        ":cloudtrail:ap-southeast-3:123456789012:trail/prod-lapora-audit",
      );
  });

  it("in prod, is kept when the stage is removed and locks each log file for five years, bypass denied", () => {
    const b = bucket(prod, trailBucketId(prod));
    expect(b.DeletionPolicy).toBe("Retain");
    expect(b.Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: "Enabled",
      Rule: { DefaultRetention: { Mode: "GOVERNANCE", Days: TRAIL_RETENTION_DAYS } },
    });
    expect(TRAIL_RETENTION_DAYS).toBe(5 * 365);
    expect(b.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: TRAIL_RETENTION_DAYS, Status: "Enabled" }),
    ]);
    expect(policyOf(prod, trailBucketId(prod))).toContainEqual(
      expect.objectContaining({
        Effect: "Deny",
        Action: "s3:BypassGovernanceRetention",
        Principal: { AWS: "*" },
      }),
    );
  });

  it("elsewhere, locks nothing and goes with the stage", () => {
    const b = bucket(t, trailBucketId(t));
    expect(b.DeletionPolicy).toBe("Delete");
    expect(b.Properties.ObjectLockConfiguration).toBeUndefined();
    expect(JSON.stringify(policyOf(t, trailBucketId(t)))).not.toContain("BypassGovernanceRetention");
  });

  it("has its own access log, in the log bucket", () => {
    expect(bucket(prod, trailBucketId(prod)).Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logBucketId(prod) },
      LogFilePrefix: "audit-trail/",
    });
  });
});

describe("Audit stack: the log bucket and CloudFront's logs", () => {
  it("is private, TLS-only, kept in prod for two years, and only S3's and CloudWatch's log delivery write to it", () => {
    const id = logBucketId(prod);
    const b = bucket(prod, id);
    expect(b.DeletionPolicy).toBe("Retain");
    expect(b.Properties.PublicAccessBlockConfiguration).toMatchObject({
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect(b.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(LOG_RETENTION_DAYS);
    const allows = policyOf(prod, id).filter((s) => s.Effect === "Allow");
    expect(allows.map((s) => JSON.stringify(s.Principal)).sort()).toEqual([
      JSON.stringify({ Service: "delivery.logs.amazonaws.com" }),
      JSON.stringify({ Service: "logging.s3.amazonaws.com" }),
    ]);
    const delivery = allows.find((s) => JSON.stringify(s.Principal).includes("delivery.logs"));
    expect(JSON.stringify(delivery?.Condition)).toContain(
      `:logs:${EDGE_REGION}:123456789012:delivery-source:*`,
    );
  });

  /** A custom resource's Create call, with each CloudFormation token written as `ref:`, `import:` or `getatt:`. */
  const call = (prefix: string) => {
    const found = Object.entries(prod.findResources("Custom::AWS")).filter(([id]) => id.startsWith(prefix));
    expect(found).toHaveLength(1);
    const create = found[0]?.[1].Properties.Create;
    const token = (part: Record<string, Json>) =>
      part.Ref
        ? `ref:${part.Ref}`
        : part["Fn::ImportValue"]
          ? `import:${part["Fn::ImportValue"]}`
          : `getatt:${part["Fn::GetAtt"]?.join(".")}`;
    const text =
      typeof create === "string"
        ? create
        : (create["Fn::Join"][1] as unknown[])
            .map((p) => (typeof p === "string" ? p : token(p as Record<string, Json>)))
            .join("");
    return JSON.parse(text) as {
      service: string;
      region: string;
      action: string;
      parameters: Record<string, Json>;
    };
  };

  it("sends the Web stack's distribution's access logs (standard logging v2, from us-east-1) to the log bucket", () => {
    const source = call("cloudFrontLogSource");
    expect(source).toMatchObject({
      service: "CloudWatchLogs",
      region: EDGE_REGION,
      action: "putDeliverySource",
    });
    expect(source.parameters).toEqual({
      name: "prod-lapora-cloudfront",
      logType: "ACCESS_LOGS",
      resourceArn: expect.stringMatching(
        /^arn:ref:AWS::Partition:cloudfront::123456789012:distribution\/import:prod-lapora-Web:ExportsOutputRefsiteDistribution/,
      ),
    });
    const destination = call("cloudFrontLogDestination");
    expect(destination).toMatchObject({ region: EDGE_REGION, action: "putDeliveryDestination" });
    expect(destination.parameters).toEqual({
      name: "prod-lapora-cloudfront-s3",
      outputFormat: "json",
      deliveryDestinationConfiguration: {
        destinationResourceArn: `getatt:${logBucketId(prod)}.Arn/cloudfront`,
      },
    });
    const delivery = call("cloudFrontLogDelivery");
    expect(delivery).toMatchObject({ region: EDGE_REGION, action: "createDelivery" });
    expect(delivery.parameters).toMatchObject({
      deliverySourceName: "prod-lapora-cloudfront",
      deliveryDestinationArn: expect.stringMatching(
        /^getatt:cloudFrontLogDestination.*\.deliveryDestination\.arn$/,
      ),
    });
  });

  it("keeps no client address, port, user agent, referrer, cookie or query string: only the fields chosen", () => {
    const fields = call("cloudFrontLogDelivery").parameters.recordFields as string[];
    expect(fields).toEqual([...CLOUDFRONT_LOG_FIELDS]);
    for (const field of CLOUDFRONT_LOG_LEFT_OUT) expect(fields).not.toContain(field);
    for (const field of fields) expect(field).not.toMatch(/c-ip|forwarded|port|agent|referer|cookie|query/i);
  });

  it("leaves the distribution's legacy logging off: it would keep every viewer's full address", () => {
    const [, distribution] = only(prodWeb, "AWS::CloudFront::Distribution");
    expect(distribution.Properties.DistributionConfig.Logging).toBeUndefined();
  });

  it("leaves the evidence bucket's access log out of this bucket: reporters upload to it from their phones", () => {
    // It goes to a log bucket of the Storage stack, under the raw prefix access-log-scrub takes and scrubs
    // (stacks/Storage.ts); nothing of this stack's log bucket names the evidence bucket.
    const evidence = Object.values(prodStorage.findResources("AWS::S3::Bucket")).find(
      (b) => b.Properties.ObjectLockEnabled,
    );
    const logging = evidence?.Properties.LoggingConfiguration;
    expect(logging.LogFilePrefix).toBe("evidence-access-raw/");
    expect(Object.keys(prodStorage.findResources("AWS::S3::Bucket"))).toContain(
      logging.DestinationBucketName.Ref,
    );
    expect(JSON.stringify(policyOf(prod, logBucketId(prod)))).not.toMatch(/evidence/i);
  });
});
