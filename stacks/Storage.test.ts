import { TABLE, tableDefinition } from "@lapora/core/infra";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { createTestApp, templateOf } from "./test-app";

let t: Template;

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
    t.resourceCountIs("Custom::S3AutoDeleteObjects", 1);
  });
});

describe("Storage stack: evidence bucket", () => {
  it("blocks all public access and leaves ACLs off", () => {
    t.resourceCountIs("AWS::S3::Bucket", 1);
    t.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
      // SST's default would allow every method from every origin.
      CorsConfiguration: Match.absent(),
    });
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
    const bucket = Object.values(t.findResources("AWS::S3::Bucket"))[0]?.Properties;
    const rules = bucket.LifecycleConfiguration.Rules as Record<string, unknown>[];
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
});
