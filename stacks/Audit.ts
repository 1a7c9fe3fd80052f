import { ORIGINAL_PREFIX } from "@lapora/core/infra";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { CfnTrail } from "aws-cdk-lib/aws-cloudtrail";
import { AnyPrincipal, Effect, PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectLockRetention,
  ObjectOwnership,
} from "aws-cdk-lib/aws-s3";
import { type StackContext, use } from "sst/constructs";
import { Api } from "./Api";
import { deliverAccessLogs } from "./access-log-delivery";
import { cloudFrontLogs } from "./cloudfront-logs";
import { PROD_RETENTION_DAYS } from "./Evidence";
import { Storage } from "./Storage";
import { Web } from "./Web";

/** Days the trail's log files are kept, locked, in prod: as long as the originals they tell of (Evidence.ts). */
export const TRAIL_RETENTION_DAYS = PROD_RETENTION_DAYS;
/** Days CloudFront's logs, and the trail bucket's own access logs, are kept in prod. */
export const LOG_RETENTION_DAYS = 2 * 365;
/** Outside prod nothing is locked and logs go after a month, so a stage can be removed. */
export const TEST_STAGE_LOG_DAYS = 30;

/**
 * `LAPORA_TRAIL_MANAGEMENT_EVENTS`: the trail also records management events (who changed a policy, a
 * bucket, a key, stopped this trail, signed in to the console), in every region. On by default: an
 * account's first copy of management events costs nothing. Set `0` where an organization trail already
 * records them (a second copy is charged).
 */
export function trailManagementEvents(value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "1") return true;
  if (value === "0") return false;
  throw new Error(`LAPORA_TRAIL_MANAGEMENT_EVENTS must be 1 or 0, not "${value}".`);
}

/**
 * The audit trail outside the app. A CloudTrail trail records every read and write of the original photos
 * (evidence/) by any AWS principal (the console, the CLI, a function, a leaked key), except the reporters'
 * own uploads: those are signed by apiPublic, come from the reporters' phones, and would keep their
 * addresses, which Lapora never keeps. Its log files (validated by CloudTrail's digest chain) go to a bucket
 * of their own that only CloudTrail writes to, locked for years in prod. CloudFront's access logs, without
 * viewer addresses (cloudfront-logs.ts), and that bucket's own access logs go to a second bucket.
 */
export function Audit({ app, stack }: StackContext) {
  const { evidence } = use(Storage);
  const { fns } = use(Api);
  const { site } = use(Web);
  const prod = app.stage === "prod";
  const removal = prod
    ? { removalPolicy: RemovalPolicy.RETAIN }
    : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };
  const locked = {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    ...removal,
  };
  const days = (n: number) => Duration.days(prod ? n : TEST_STAGE_LOG_DAYS);

  const logs = new Bucket(stack, "auditLogs", {
    ...locked,
    lifecycleRules: [{ expiration: days(LOG_RETENTION_DAYS), noncurrentVersionExpiration: Duration.days(1) }],
  });

  const trailBucket = new Bucket(stack, "auditTrail", {
    ...locked,
    // Object Lock can only be switched on when a bucket is created. In prod each log file is locked in
    // governance mode for its retention, and the policy below denies the bypass to everyone.
    objectLockEnabled: true,
    ...(prod
      ? { objectLockDefaultRetention: ObjectLockRetention.governance(days(TRAIL_RETENTION_DAYS)) }
      : {}),
    lifecycleRules: [
      { expiration: days(TRAIL_RETENTION_DAYS), noncurrentVersionExpiration: Duration.days(1) },
    ],
  });
  // Who read the audit trail is itself logged.
  deliverAccessLogs(stack, trailBucket, logs, "audit-trail/");

  const trailName = `${app.stage}-lapora-audit`;
  const trailArn = `arn:${stack.partition}:cloudtrail:${stack.region}:${stack.account}:trail/${trailName}`;
  const cloudTrail = new ServicePrincipal("cloudtrail.amazonaws.com");
  const fromTrail = { "aws:SourceArn": trailArn };
  trailBucket.addToResourcePolicy(
    new PolicyStatement({
      sid: "CloudTrailAclCheck",
      principals: [cloudTrail],
      actions: ["s3:GetBucketAcl"],
      resources: [trailBucket.bucketArn],
      conditions: { StringEquals: fromTrail },
    }),
  );
  trailBucket.addToResourcePolicy(
    new PolicyStatement({
      sid: "CloudTrailWrite",
      principals: [cloudTrail],
      actions: ["s3:PutObject"],
      resources: [trailBucket.arnForObjects(`AWSLogs/${stack.account}/*`)],
      conditions: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...fromTrail } },
    }),
  );
  if (prod) {
    // Nobody shortens a lock without first changing this policy, a change the trail itself records.
    trailBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: "NoEarlyDelete",
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ["s3:BypassGovernanceRetention"],
        resources: [trailBucket.arnForObjects("*")],
      }),
    );
  }

  const management = trailManagementEvents(process.env.LAPORA_TRAIL_MANAGEMENT_EVENTS);
  // The role apiPublic signs the reporters' upload forms with: CloudTrail names its sessions by it.
  const uploadSigner = fns.public.role;
  if (!uploadSigner)
    throw new Error("apiPublic has no role: the trail could not leave reporters' uploads out.");
  const originals = (readOnly: "true" | "false") => [
    { field: "eventCategory", equalTo: ["Data"] },
    { field: "resources.type", equalTo: ["AWS::S3::Object"] },
    { field: "resources.ARN", startsWith: [`${evidence.bucketArn}/${ORIGINAL_PREFIX}`] },
    { field: "readOnly", equalTo: [readOnly] },
  ];
  const trail = new CfnTrail(stack, "trail", {
    trailName,
    s3BucketName: trailBucket.bucketName,
    isLogging: true,
    enableLogFileValidation: true,
    isMultiRegionTrail: management,
    includeGlobalServiceEvents: management,
    advancedEventSelectors: [
      { name: "Reads of original evidence", fieldSelectors: originals("true") },
      {
        name: "Writes to original evidence, but the reporters' uploads",
        fieldSelectors: [
          ...originals("false"),
          {
            field: "userIdentity.arn",
            notStartsWith: [
              `arn:${stack.partition}:sts::${stack.account}:assumed-role/${uploadSigner.roleName}/`,
            ],
          },
        ],
      },
      ...(management
        ? [
            {
              name: "Management events",
              fieldSelectors: [{ field: "eventCategory", equalTo: ["Management"] }],
            },
          ]
        : []),
    ],
  });
  // CloudTrail checks the bucket's policy when the trail is made.
  if (trailBucket.policy) trail.node.addDependency(trailBucket.policy);

  if (site.cdk) cloudFrontLogs(stack, `${app.stage}-lapora`, site.cdk.distribution, logs);

  return { trail, trailBucket, logs };
}
