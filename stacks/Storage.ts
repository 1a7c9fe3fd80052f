import { ORIGINAL_PREFIX, STATE_TAG, TABLE } from "@lapora/core/infra";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { BlockPublicAccess, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { NagSuppressions } from "cdk-nag";
import { Bucket, type StackContext, Table } from "sst/constructs";

/** The one DynamoDB table (shape from packages/core/src/db/table.ts) and the evidence bucket. */
export function Storage({ app, stack }: StackContext) {
  // Only prod keeps its data when the stage is removed; other stages clean up after themselves.
  const keep = app.stage === "prod";
  const removalPolicy = keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

  // Every key attribute and index comes from TABLE, so the stack cannot drift from core and DynamoDB Local.
  // CloudFormation adds at most one GSI per update of an existing table: after the first deploy, add
  // indexes to TABLE one deploy at a time.
  const keyAttributes = [
    TABLE.partitionKey,
    TABLE.sortKey,
    ...TABLE.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  const table = new Table(stack, "table", {
    fields: Object.fromEntries(keyAttributes.map((name) => [name, "string" as const])),
    primaryIndex: { partitionKey: TABLE.partitionKey, sortKey: TABLE.sortKey },
    globalIndexes: Object.fromEntries(
      TABLE.indexes.map((index) => [
        index.name,
        { partitionKey: index.partitionKey, sortKey: index.sortKey, projection: "all" as const },
      ]),
    ),
    // report-events needs the old image to tell a new report from an escalated one.
    stream: "new_and_old_images",
    timeToLiveAttribute: TABLE.ttlAttribute,
    cdk: {
      table: {
        pointInTimeRecovery: true,
        deletionProtection: keep,
        removalPolicy,
      },
    },
  });

  // Photo evidence: originals under evidence/ (browser uploads by presigned POST), display copies under
  // display/. Object Lock can only be switched on when a bucket is created (docs/deploy.md); it sets no
  // default retention, because evidence-uploaded locks each original it accepts (governance mode) and
  // deletes for good what it refuses.
  const evidence = new Bucket(stack, "evidence", {
    // SST's default CORS rule allows every method from every origin. The real rule (POST from the site's
    // origin only) is set by stacks/Evidence.ts, which knows the site's URL: the Web stack comes after this.
    cors: false,
    blockPublicACLs: true,
    cdk: {
      bucket: {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        versioned: true,
        objectLockEnabled: true,
        lifecycleRules: [
          {
            // Versioning guards evidence against an accidental delete or overwrite; a month is
            // long enough to notice, and old versions stop costing money after it. A locked original
            // is never removed by this: S3 keeps a version under retention whatever the rule says.
            noncurrentVersionExpiration: Duration.days(30),
            abortIncompleteMultipartUploadAfter: Duration.days(1),
            expiredObjectDeleteMarker: true,
          },
          {
            // Every upload form tags its object unverified; evidence-uploaded retags what it accepts and
            // deletes what it refuses. What is still unverified after two days was never processed.
            id: "unverified-uploads",
            prefix: ORIGINAL_PREFIX,
            tagFilters: { [STATE_TAG.key]: STATE_TAG.unverified },
            expiration: Duration.days(2),
            noncurrentVersionExpiration: Duration.days(1),
          },
        ],
        removalPolicy,
        autoDeleteObjects: !keep,
      },
    },
  });

  NagSuppressions.addResourceSuppressions(evidence.cdk.bucket, [
    {
      id: "AwsSolutions-S1",
      reason:
        "No server access log, on purpose: reporters' phones upload photos straight to this bucket, so its access log would keep every photo sender's full address, which Lapora never keeps (the privacy page says so). Who read or changed an original is recorded by the CloudTrail trail's data events on evidence/ (stacks/Audit.ts), for every AWS principal but the reporters' own uploads.",
    },
  ]);

  // For scripts run against a deployed stage, e.g. `npm run seed:admin -- --table ...` (docs/deploy.md).
  stack.addOutputs({ TableName: table.tableName });

  return { table, evidence };
}
