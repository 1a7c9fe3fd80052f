import { EVIDENCE_ACCESS_LOG, ORIGINAL_PREFIX, STATE_TAG, TABLE } from "@lapora/core/infra";
import type { AccessLogEnvironment } from "@lapora/functions/config";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import {
  BlockPublicAccess,
  BucketEncryption,
  EventType,
  ObjectOwnership,
  Bucket as S3Bucket,
} from "aws-cdk-lib/aws-s3";
import { LambdaDestination } from "aws-cdk-lib/aws-s3-notifications";
import { NagSuppressions } from "cdk-nag";
import { Bucket, Function as LambdaFunction, type StackContext, Table } from "sst/constructs";
import { deliverAccessLogs } from "./access-log-delivery";
import { nagArn } from "./nag";

/**
 * Days the evidence bucket's scrubbed access log is kept in prod: as long as the audit trail's log files
 * (TRAIL_RETENTION_DAYS in stacks/Audit.ts), which tell of the same originals. Written here rather than
 * imported, because Audit uses this stack; Storage.test.ts checks that the two agree.
 */
export const ACCESS_LOG_RETENTION_DAYS = 5 * 365;
/** Outside prod it goes after a month, as the Audit stack's logs do, so a stage can be removed. */
export const TEST_STAGE_ACCESS_LOG_DAYS = 30;
/** A raw file that access-log-scrub never took (it failed three times) still goes within a day, unread. */
export const RAW_ACCESS_LOG_DAYS = 1;

/** What `access-log-scrub` may do: list, read and delete raw files, and write scrubbed ones. Nothing else. */
const RAW_ACCESS_LOG_ACTIONS = ["s3:DeleteObject", "s3:GetObject"];
const KEPT_ACCESS_LOG_ACTIONS = ["s3:PutObject"];

/**
 * The one DynamoDB table (shape from packages/core/src/db/table.ts), the evidence bucket, and the evidence
 * bucket's access log without reporters' addresses: its log bucket and the `access-log-scrub` function.
 */
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

  // The evidence bucket's S3 server access log, kept without the reporters: S3 delivers each file under
  // the raw prefix, access-log-scrub writes it again under the kept prefix with every address cut to its
  // network and no referrer or user agent, and deletes the raw file. The log bucket is in this stack, not
  // in Audit with the other logs: the evidence bucket's logging names it, and Audit already uses this stack,
  // so a log bucket there would make each stack need the other. The function is here with it, so the whole
  // path (delivery, scrub, delete) is deployed, and removed, as one.
  const { raw, kept } = EVIDENCE_ACCESS_LOG;
  const accessLogs = new S3Bucket(stack, "evidenceAccessLogs", {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // Not versioned: a raw file the function deletes is gone, not kept as an older version.
    versioned: false,
    lifecycleRules: [
      { id: "raw-access-log", prefix: raw, expiration: Duration.days(RAW_ACCESS_LOG_DAYS) },
      {
        id: "kept-access-log",
        prefix: kept,
        expiration: Duration.days(keep ? ACCESS_LOG_RETENTION_DAYS : TEST_STAGE_ACCESS_LOG_DAYS),
      },
    ],
    removalPolicy,
    autoDeleteObjects: !keep,
  });
  deliverAccessLogs(stack, evidence.cdk.bucket, accessLogs, raw);
  NagSuppressions.addResourceSuppressions(accessLogs, [
    {
      id: "AwsSolutions-S1",
      reason:
        "This is the evidence bucket's access-log bucket, and a log bucket does not log itself: its own log would record S3's deliveries and access-log-scrub's moves of the files in it. Only those two write to it, and nothing in it is public.",
    },
  ]);

  const scrub = new LambdaFunction(stack, "accessLogScrub", {
    handler: "packages/functions/src/events/access-log-scrub.handler",
    environment: { ACCESS_LOG_BUCKET: accessLogs.bucketName } satisfies AccessLogEnvironment,
  });
  scrub.attachPermissions([
    // Listing the raw prefix tells a file already scrubbed (gone) from one it may not read.
    new PolicyStatement({
      actions: ["s3:ListBucket"],
      resources: [accessLogs.bucketArn],
      conditions: { StringLike: { "s3:prefix": `${raw}*` } },
    }),
    new PolicyStatement({
      actions: RAW_ACCESS_LOG_ACTIONS,
      resources: [accessLogs.arnForObjects(`${raw}*`)],
    }),
    new PolicyStatement({
      actions: KEPT_ACCESS_LOG_ACTIONS,
      resources: [accessLogs.arnForObjects(`${kept}*`)],
    }),
  ]);
  accessLogs.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(scrub), { prefix: raw });
  NagSuppressions.addResourceSuppressions(
    scrub,
    [
      {
        id: "AwsSolutions-IAM5",
        reason: `Every file S3 delivers under ${raw} and its scrubbed copy under ${kept}: one object per log file, named by S3.`,
        appliesTo: [`Resource::${nagArn(accessLogs)}/${raw}*`, `Resource::${nagArn(accessLogs)}/${kept}*`],
      },
      {
        id: "Serverless-LambdaDLQ",
        reason:
          "S3 invokes it asynchronously and retries a failed file twice; a file still failing is deleted unread by the raw prefix's one-day lifecycle rule, never kept with its addresses. The failure is in its Errors metric and log.",
      },
    ],
    true,
  );

  // For scripts run against a deployed stage, e.g. `npm run seed:admin -- --table ...` (docs/deploy.md),
  // and for reading the evidence bucket's access log (docs/operations.md).
  stack.addOutputs({ TableName: table.tableName, AccessLogBucket: accessLogs.bucketName });

  return { table, evidence, accessLogs, accessLogScrub: scrub };
}
