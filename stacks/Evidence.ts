import { metricsNamespace, ORIGINAL_PREFIX, uploadCorsRules } from "@lapora/core/infra";
import type { EvidenceEnvironment } from "@lapora/functions/config";
import { Duration } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import { EventType, Bucket as S3Bucket } from "aws-cdk-lib/aws-s3";
import { LambdaDestination } from "aws-cdk-lib/aws-s3-notifications";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from "aws-cdk-lib/custom-resources";
import { NagSuppressions } from "cdk-nag";
import { Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { functionDefaults } from "./defaults";
import { nagArn, noDlqOfItsOwn } from "./nag";
import { Storage } from "./Storage";
import { sharpLayer } from "./sharp-layer";
import { Web } from "./Web";

/** What `evidence-uploaded` may do to originals (evidence/*): read, refuse, retag, lock. Nothing else. */
export const ORIGINAL_ACTIONS = [
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:GetObject",
  "s3:GetObjectVersion",
  "s3:PutObjectRetention",
  "s3:PutObjectTagging",
  "s3:PutObjectVersionTagging",
];
/** ...to display copies (display/*): write them. */
export const DISPLAY_ACTIONS = ["s3:PutObject"];
/** ...on the table: read a slot, attach it (and its audit entry) or mark it refused. */
export const EVIDENCE_TABLE_ACTIONS = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];

/** Years an accepted original stays under Object Lock in prod. Other stages lock nothing, so they can be removed. */
export const PROD_RETENTION_DAYS = 5 * 365;

/**
 * Photo evidence: the `evidence-uploaded` function on the bucket's ObjectCreated notifications for
 * `evidence/`, and the bucket's CORS rule (POST from the site's origin only). It comes after Web because
 * both need the site's URL, and Web needs the bucket first (its CSP names the bucket's origin).
 */
export function Evidence({ app, stack }: StackContext) {
  const { table, evidence } = use(Storage);
  const { site } = use(Web);
  const bucketArn = evidence.bucketArn;

  const failures = new Queue(stack, "evidenceUploadedFailures", {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  NagSuppressions.addResourceSuppressions(
    failures,
    noDlqOfItsOwn("evidence-uploaded's on-failure destination"),
  );

  const fn = new LambdaFunction(stack, "evidenceUploaded", {
    handler: "packages/functions/src/events/evidence-uploaded.handler",
    // Decoding a 12 MP photo takes about 100 MB; Lambda's CPU share grows with memory.
    memorySize: "1536 MB",
    timeout: "30 seconds",
    layers: [sharpLayer(stack, "sharp")],
    nodejs: {
      ...functionDefaults.nodejs,
      esbuild: { external: [...functionDefaults.nodejs.esbuild.external, "sharp"] },
    },
    environment: {
      TABLE_NAME: table.tableName,
      EVIDENCE_BUCKET: evidence.bucketName,
      EVIDENCE_RETENTION_DAYS: String(app.stage === "prod" ? PROD_RETENTION_DAYS : 0),
      METRICS_NAMESPACE: metricsNamespace(app.stage),
    } satisfies EvidenceEnvironment,
  });
  // S3 invokes asynchronously: two retries, then the event is kept on a queue (the upload stays
  // unverified, so the lifecycle rule removes it unless someone replays the event in time).
  fn.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(failures) });
  fn.attachPermissions([
    new PolicyStatement({ actions: ORIGINAL_ACTIONS, resources: [`${bucketArn}/${ORIGINAL_PREFIX}*`] }),
    new PolicyStatement({ actions: DISPLAY_ACTIONS, resources: [`${bucketArn}/display/*`] }),
    new PolicyStatement({ actions: EVIDENCE_TABLE_ACTIONS, resources: [table.tableArn] }),
  ]);
  NagSuppressions.addResourceSuppressions(
    fn,
    [
      {
        id: "AwsSolutions-IAM5",
        reason:
          "Every original under evidence/ and display copy under display/: one object per photo, by key.",
        appliesTo: [
          `Resource::${nagArn(evidence.cdk.bucket)}/${ORIGINAL_PREFIX}*`,
          `Resource::${nagArn(evidence.cdk.bucket)}/display/*`,
        ],
      },
      {
        id: "Serverless-LambdaDLQ",
        reason:
          "Failed events go to its on-failure destination (evidenceUploadedFailures, above), which keeps the error with the event.",
      },
    ],
    true,
  );

  // Imported here, so the notification's custom resource lives in this stack and not in Storage
  // (which would make Storage depend on this function).
  const bucket = S3Bucket.fromBucketAttributes(stack, "evidenceBucket", {
    bucketArn,
    bucketName: evidence.bucketName,
  });
  bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), {
    prefix: ORIGINAL_PREFIX,
  });

  const cors = {
    Bucket: evidence.bucketName,
    CORSConfiguration: { CORSRules: uploadCorsRules([site.url as string]) },
  };
  new AwsCustomResource(stack, "evidenceUploadCors", {
    onCreate: {
      service: "S3",
      action: "putBucketCors",
      parameters: cors,
      physicalResourceId: PhysicalResourceId.of("upload-cors"),
    },
    onUpdate: {
      service: "S3",
      action: "putBucketCors",
      parameters: cors,
      physicalResourceId: PhysicalResourceId.of("upload-cors"),
    },
    onDelete: { service: "S3", action: "deleteBucketCors", parameters: { Bucket: evidence.bucketName } },
    // PutBucketCors and DeleteBucketCors are both authorised as s3:PutBucketCORS.
    policy: AwsCustomResourcePolicy.fromStatements([
      new PolicyStatement({ actions: ["s3:PutBucketCORS"], resources: [bucketArn] }),
    ]),
    installLatestAwsSdk: false,
  });

  return { evidenceUploaded: fn, failures };
}
