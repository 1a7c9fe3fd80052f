import type { Stack } from "aws-cdk-lib";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { CfnBucket, IBucket } from "aws-cdk-lib/aws-s3";

/**
 * S3 server access logging of `source` into `target` under `prefix`, granted the way bucket-owner-enforced
 * buckets accept: a bucket policy for S3's log delivery service, from `source` and this account only. Not
 * CDK's `serverAccessLogsBucket`, which grants by ACL here (its bucket-policy feature flag is off in SST's
 * app) and which such buckets refuse. Used for the evidence bucket (Storage.ts) and the audit trail's
 * bucket (Audit.ts).
 */
export function deliverAccessLogs(stack: Stack, source: IBucket, target: IBucket, prefix: string): void {
  (source.node.defaultChild as CfnBucket).loggingConfiguration = {
    destinationBucketName: target.bucketName,
    logFilePrefix: prefix,
  };
  target.addToResourcePolicy(
    new PolicyStatement({
      sid: "S3ServerAccessLogs",
      principals: [new ServicePrincipal("logging.s3.amazonaws.com")],
      actions: ["s3:PutObject"],
      resources: [target.arnForObjects(`${prefix}*`)],
      conditions: {
        ArnLike: { "aws:SourceArn": source.bucketArn },
        StringEquals: { "aws:SourceAccount": stack.account },
      },
    }),
  );
}
