import { TABLE, tableDefinition } from "@lapora/core/infra";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { TEST_STAGE_LOG_DAYS, TRAIL_RETENTION_DAYS } from "./Audit";
import { ACCESS_LOG_RETENTION_DAYS, TEST_STAGE_ACCESS_LOG_DAYS } from "./Storage";
import {
  createTestApp,
  functionIdOf,
  grantsOf,
  OWNER_ENFORCED,
  PRIVATE_BUCKET,
  templateOf,
} from "./test-app";

let t: Template;

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON.
type Json = any;
/** The evidence bucket (the one with Object Lock) and its access-log bucket, by logical id and properties. */
function buckets(template: Template) {
  const all = Object.entries(template.findResources("AWS::S3::Bucket"));
  expect(all).toHaveLength(2);
  const evidence = all.find(([, b]) => b.Properties.ObjectLockEnabled === true);
  const logs = all.find(([, b]) => b !== evidence?.[1]);
  return {
    evidence: {
      id: evidence?.[0] as string,
      props: evidence?.[1].Properties as Json,
      res: evidence?.[1] as Json,
    },
    logs: { id: logs?.[0] as string, props: logs?.[1].Properties as Json, res: logs?.[1] as Json },
  };
}
/** The statements of the policy of the bucket with logical id `id`. */
const bucketPolicy = (template: Template, id: string) =>
  Object.values(template.findResources("AWS::S3::BucketPolicy")).find((p) => p.Properties.Bucket.Ref === id)
    ?.Properties.PolicyDocument.Statement as Json[];

function onlyTable(template: Template) {
  const tables = Object.values(template.findResources("AWS::DynamoDB::Table"));
  expect(tables).toHaveLength(1);
  return tables[0]?.Properties;
}

/** Sorted by a name field, so order (which DynamoDB ignores) does not matter. */
function byName<T extends object>(items: T[], key: keyof T): T[] {
  return [...items].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}

beforeAll(async () => {
  const app = await createTestApp();
  await config.stacks(app);
  t = templateOf(app, "Storage");
});

describe("Storage stack: table", () => {
  it("declares exactly the keys and indexes of tableDefinition() in packages/core", () => {
    const def = tableDefinition("unused");
    const table = onlyTable(t);
    expect(table.KeySchema).toEqual(def.KeySchema);
    expect(byName(table.AttributeDefinitions, "AttributeName")).toEqual(
      byName(def.AttributeDefinitions ?? [], "AttributeName"),
    );
    expect(byName(table.GlobalSecondaryIndexes, "IndexName")).toEqual(
      byName(def.GlobalSecondaryIndexes ?? [], "IndexName"),
    );
    expect(table.StreamSpecification.StreamViewType).toBe(def.StreamSpecification?.StreamViewType);
  });

  it("keys on pk/sk with string attributes and gsi1 on gsi1pk/gsi1sk, projecting everything", () => {
    t.resourceCountIs("AWS::DynamoDB::Table", 1);
    t.hasResourceProperties("AWS::DynamoDB::Table", {
      TableName: "test-lapora-table",
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: "gsi1",
          KeySchema: [
            { AttributeName: "gsi1pk", KeyType: "HASH" },
            { AttributeName: "gsi1sk", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
      ]),
    });
    const table = onlyTable(t);
    expect(table.GlobalSecondaryIndexes.length).toBe(TABLE.indexes.length);
    for (const index of table.GlobalSecondaryIndexes)
      expect(index.Projection).toEqual({ ProjectionType: "ALL" });
    for (const attribute of table.AttributeDefinitions) expect(attribute.AttributeType).toBe("S");
  });

  it("outputs the table name, for scripts such as seed:admin", () => {
    const [id] = Object.keys(t.findResources("AWS::DynamoDB::Table"));
    t.hasOutput("TableName", { Value: { Ref: id } });
  });

  it("streams new and old images, keeps point-in-time recovery and expires items on expiresAt", () => {
    t.hasResourceProperties("AWS::DynamoDB::Table", {
      StreamSpecification: { StreamViewType: "NEW_AND_OLD_IMAGES" },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    });
  });

  it("lets a non-prod stage be removed with its data", () => {
    t.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    // The evidence bucket and its access-log bucket.
    t.resourceCountIs("Custom::S3AutoDeleteObjects", 2);
  });
});

describe("Storage stack: evidence bucket", () => {
  it("blocks all public access and leaves ACLs off", () => {
    expect(buckets(t).evidence.props).toMatchObject({
      ...PRIVATE_BUCKET,
      ...OWNER_ENFORCED,
    });
    // SST's default would allow every method from every origin.
    expect(buckets(t).evidence.props.CorsConfiguration).toBeUndefined();
  });

  it("encrypts and versions objects", () => {
    t.hasResourceProperties("AWS::S3::Bucket", {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
      VersioningConfiguration: { Status: "Enabled" },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Status: "Enabled",
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            ExpiredObjectDeleteMarker: true,
          }),
        ]),
      },
    });
  });

  it("has Object Lock, switched on at creation, with no default retention (evidence-uploaded locks each original)", () => {
    t.hasResourceProperties("AWS::S3::Bucket", {
      ObjectLockEnabled: true,
      VersioningConfiguration: { Status: "Enabled" },
      ObjectLockConfiguration: Match.absent(),
    });
  });

  it("expires uploads that were never verified, and only those, under evidence/", () => {
    const rules = buckets(t).evidence.props.LifecycleConfiguration.Rules as Record<string, unknown>[];
    expect(rules).toHaveLength(2);
    expect(rules.find((r) => r.Id === "unverified-uploads")).toEqual({
      Id: "unverified-uploads",
      Status: "Enabled",
      Prefix: "evidence/",
      TagFilters: [{ Key: "evidence-state", Value: "unverified" }],
      ExpirationInDays: 2,
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    });
  });

  it("denies every request that is not over TLS", () => {
    t.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: "Deny",
            Action: "s3:*",
            Principal: { AWS: "*" },
            Condition: { Bool: { "aws:SecureTransport": "false" } },
            Resource: Match.anyValue(),
          },
        ]),
      },
    });
  });
});

describe("Storage stack: the evidence bucket's access log, without reporters", () => {
  it("logs every request to the evidence bucket into its log bucket, under evidence-access-raw/", () => {
    const { evidence, logs } = buckets(t);
    expect(evidence.props.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logs.id },
      LogFilePrefix: "evidence-access-raw/",
    });
  });

  it("lets only S3's log delivery, for the evidence bucket and this account, write there, by bucket policy", () => {
    const { evidence, logs } = buckets(t);
    const statements = bucketPolicy(t, logs.id);
    const delivery = statements.filter((s) => JSON.stringify(s.Principal).includes("logging.s3"));
    expect(delivery).toEqual([
      {
        Sid: "S3ServerAccessLogs",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: { "Fn::Join": ["", [{ "Fn::GetAtt": [logs.id, "Arn"] }, "/evidence-access-raw/*"]] },
        Condition: {
          ArnLike: { "aws:SourceArn": { "Fn::GetAtt": [evidence.id, "Arn"] } },
          StringEquals: { "aws:SourceAccount": "123456789012" },
        },
      },
    ]);
    // Not by ACL: bucket-owner-enforced buckets refuse ACLs, and CDK's serverAccessLogsBucket would set one.
    expect(logs.props.AccessControl).toBeUndefined();
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: "Deny",
        Action: "s3:*",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    );
  });

  it("keeps its log bucket private, encrypted, owner-enforced and unversioned (a deleted raw file is gone)", () => {
    expect(buckets(t).logs.props).toMatchObject({
      ...PRIVATE_BUCKET,
      ...OWNER_ENFORCED,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
    });
    expect(buckets(t).logs.props.VersioningConfiguration).toBeUndefined();
  });

  it("deletes raw files within a day, scrubbed or not, and keeps the scrubbed log a month outside prod", () => {
    expect(TEST_STAGE_ACCESS_LOG_DAYS).toBe(TEST_STAGE_LOG_DAYS);
    expect(buckets(t).logs.props.LifecycleConfiguration.Rules).toEqual([
      { Id: "raw-access-log", Prefix: "evidence-access-raw/", ExpirationInDays: 1, Status: "Enabled" },
      { Id: "kept-access-log", Prefix: "evidence-access/", ExpirationInDays: 30, Status: "Enabled" },
    ]);
  });

  it("hands every file created under evidence-access-raw/, and only those, to access-log-scrub", () => {
    const fn = functionIdOf(t, "accessLogScrub");
    t.hasResourceProperties("Custom::S3BucketNotifications", {
      BucketName: { Ref: buckets(t).logs.id },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ["s3:ObjectCreated:*"],
            Filter: { Key: { FilterRules: [{ Name: "prefix", Value: "evidence-access-raw/" }] } },
            LambdaFunctionArn: { "Fn::GetAtt": [fn, "Arn"] },
          },
        ],
      },
    });
    t.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "s3.amazonaws.com",
      FunctionName: { "Fn::GetAtt": [fn, "Arn"] },
      SourceArn: { "Fn::GetAtt": [buckets(t).logs.id, "Arn"] },
    });
    expect(t.toJSON().Resources[fn].Properties.Environment.Variables).toMatchObject({
      ACCESS_LOG_BUCKET: { Ref: buckets(t).logs.id },
    });
    t.hasOutput("AccessLogBucket", { Value: { Ref: buckets(t).logs.id } });
  });

  it("lets access-log-scrub list and read and delete raw files, and write scrubbed ones: nothing else", () => {
    const logs = { "Fn::GetAtt": [buckets(t).logs.id, "Arn"] };
    const under = (prefix: string) => ({ "Fn::Join": ["", [logs, `/${prefix}*`]] });
    const grants = grantsOf(t, functionIdOf(t, "accessLogScrub")).filter(
      (s) => ![s.Action].flat().every((a) => a.startsWith("xray:")),
    );
    expect(grants).toEqual([
      {
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: logs,
        Condition: { StringLike: { "s3:prefix": "evidence-access-raw/*" } },
      },
      {
        Effect: "Allow",
        Action: ["s3:DeleteObject", "s3:GetObject"],
        Resource: under("evidence-access-raw/"),
      },
      { Effect: "Allow", Action: "s3:PutObject", Resource: under("evidence-access/") },
    ]);
  });
});

describe("Storage stack in prod", () => {
  let prod: Template;
  beforeAll(async () => {
    const app = await createTestApp({ stage: "prod" });
    await config.stacks(app);
    prod = templateOf(app, "Storage");
  });

  it("keeps the table and the evidence when the stage is removed", () => {
    prod.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({ TableName: "prod-lapora-table", DeletionProtectionEnabled: true }),
    });
    prod.hasResource("AWS::S3::Bucket", { DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" });
    prod.resourceCountIs("Custom::S3AutoDeleteObjects", 0);
  });

  it("keeps the scrubbed access log as long as the audit trail's files, and its bucket when the stage is removed", () => {
    expect(ACCESS_LOG_RETENTION_DAYS).toBe(TRAIL_RETENTION_DAYS);
    const { logs } = buckets(prod);
    expect(logs.res.DeletionPolicy).toBe("Retain");
    expect(logs.props.LifecycleConfiguration.Rules).toEqual([
      { Id: "raw-access-log", Prefix: "evidence-access-raw/", ExpirationInDays: 1, Status: "Enabled" },
      {
        Id: "kept-access-log",
        Prefix: "evidence-access/",
        ExpirationInDays: TRAIL_RETENTION_DAYS,
        Status: "Enabled",
      },
    ]);
  });
});
