import type { Stack } from "aws-cdk-lib";
import type { IDistribution } from "aws-cdk-lib/aws-cloudfront";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  PhysicalResourceId,
  PhysicalResourceIdReference,
} from "aws-cdk-lib/custom-resources";
import { NagSuppressions } from "cdk-nag";
import { EDGE_REGION } from "./web-acl";

/**
 * What CloudFront's access logs keep of each request: when, which edge, what was asked (method and path,
 * no query string) and how it was answered. CloudFront cannot truncate an address, so none is kept:
 * no viewer address or port, no X-Forwarded-For, no user agent, referrer or cookies (LEFT_OUT). The API's
 * own access log keeps no address either (stacks/api-access-log.ts); the WAF counts per address without
 * logging them.
 */
export const CLOUDFRONT_LOG_FIELDS = [
  "date",
  "time",
  "x-edge-location",
  "x-edge-request-id",
  "x-host-header",
  "cs-protocol",
  "cs-protocol-version",
  "cs-method",
  "cs-uri-stem",
  "cs-bytes",
  "sc-status",
  "sc-bytes",
  "sc-content-type",
  "sc-content-len",
  "time-taken",
  "time-to-first-byte",
  "x-edge-result-type",
  "x-edge-response-result-type",
  "x-edge-detailed-result-type",
  "ssl-protocol",
  "ssl-cipher",
] as const;

/** Fields CloudFront offers that would tell who a reporter is, or what she typed: never selected. */
export const CLOUDFRONT_LOG_LEFT_OUT = [
  "c-ip",
  "c-port",
  "x-forwarded-for",
  "cs(User-Agent)",
  "cs(Referer)",
  "cs(Cookie)",
  "cs-uri-query",
] as const;

/** The prefix of the log bucket CloudFront writes under. */
export const CLOUDFRONT_LOG_PREFIX = "cloudfront";

/**
 * CloudFront standard logging (v2) of `distribution` into `bucket` (under CLOUDFRONT_LOG_PREFIX/), with
 * only CLOUDFRONT_LOG_FIELDS, as JSON lines. The legacy logging of the distribution's own Logging setting
 * writes every field, the viewer's address with them, so it stays off. CloudWatch Logs vends CloudFront's
 * logs from us-east-1 only, and SST v2 deploys this app in one region, so the delivery source, destination
 * and delivery are made there by SDK calls at deploy time (as the web ACL's ARN is read, stacks/web-acl.ts);
 * the bucket may be in Jakarta. `name` makes their names (one delivery source per distribution).
 */
export function cloudFrontLogs(stack: Stack, name: string, distribution: IDistribution, bucket: Bucket) {
  const region = EDGE_REGION;
  const logsArn = (type: string, id: string) =>
    `arn:${stack.partition}:logs:${region}:${stack.account}:${type}:${id}`;
  const distributionArn = `arn:${stack.partition}:cloudfront::${stack.account}:distribution/${distribution.distributionId}`;
  const sourceName = `${name}-cloudfront`;
  const destinationName = `${name}-cloudfront-s3`;
  const logs = { service: "CloudWatchLogs", region };

  // CloudWatch Logs writes as delivery.logs.amazonaws.com, for a delivery source of this account in us-east-1.
  bucket.addToResourcePolicy(
    new PolicyStatement({
      sid: "CloudFrontLogDelivery",
      principals: [new ServicePrincipal("delivery.logs.amazonaws.com")],
      actions: ["s3:PutObject"],
      resources: [bucket.arnForObjects(`${CLOUDFRONT_LOG_PREFIX}/*`)],
      conditions: {
        StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": stack.account },
        ArnLike: { "aws:SourceArn": logsArn("delivery-source", "*") },
      },
    }),
  );

  const source = new AwsCustomResource(stack, "cloudFrontLogSource", {
    onUpdate: {
      ...logs,
      action: "putDeliverySource",
      parameters: { name: sourceName, resourceArn: distributionArn, logType: "ACCESS_LOGS" },
      physicalResourceId: PhysicalResourceId.of(sourceName),
    },
    onDelete: { ...logs, action: "deleteDeliverySource", parameters: { name: sourceName } },
    policy: AwsCustomResourcePolicy.fromStatements([
      new PolicyStatement({
        actions: ["logs:PutDeliverySource", "logs:GetDeliverySource", "logs:DeleteDeliverySource"],
        resources: [logsArn("delivery-source", sourceName)],
      }),
      // CloudFront's own consent to vend this distribution's logs.
      new PolicyStatement({
        actions: ["cloudfront:AllowVendedLogDeliveryForResource"],
        resources: [distributionArn],
      }),
    ]),
    installLatestAwsSdk: false,
  });

  const destination = new AwsCustomResource(stack, "cloudFrontLogDestination", {
    onUpdate: {
      ...logs,
      action: "putDeliveryDestination",
      parameters: {
        name: destinationName,
        outputFormat: "json",
        deliveryDestinationConfiguration: {
          destinationResourceArn: `${bucket.bucketArn}/${CLOUDFRONT_LOG_PREFIX}`,
        },
      },
      physicalResourceId: PhysicalResourceId.of(destinationName),
    },
    onDelete: { ...logs, action: "deleteDeliveryDestination", parameters: { name: destinationName } },
    policy: AwsCustomResourcePolicy.fromStatements([
      new PolicyStatement({
        actions: [
          "logs:PutDeliveryDestination",
          "logs:GetDeliveryDestination",
          "logs:DeleteDeliveryDestination",
        ],
        resources: [logsArn("delivery-destination", destinationName)],
      }),
    ]),
    installLatestAwsSdk: false,
  });
  // The bucket lets CloudWatch Logs write before the first delivery is made.
  if (bucket.policy) destination.node.addDependency(bucket.policy);

  const recordFields = [...CLOUDFRONT_LOG_FIELDS];
  const delivery = new AwsCustomResource(stack, "cloudFrontLogDelivery", {
    onCreate: {
      ...logs,
      action: "createDelivery",
      parameters: {
        deliverySourceName: sourceName,
        deliveryDestinationArn: destination.getResponseField("deliveryDestination.arn"),
        recordFields,
      },
      physicalResourceId: PhysicalResourceId.fromResponse("delivery.id"),
    },
    // Only the fields can change in place; another source or destination is another delivery.
    onUpdate: {
      ...logs,
      action: "updateDeliveryConfiguration",
      parameters: { id: new PhysicalResourceIdReference(), recordFields },
    },
    onDelete: { ...logs, action: "deleteDelivery", parameters: { id: new PhysicalResourceIdReference() } },
    policy: AwsCustomResourcePolicy.fromStatements([
      new PolicyStatement({
        actions: ["logs:CreateDelivery"],
        resources: [
          logsArn("delivery-source", sourceName),
          logsArn("delivery-destination", destinationName),
          logsArn("delivery", "*"),
        ],
      }),
      new PolicyStatement({
        actions: ["logs:GetDelivery", "logs:UpdateDeliveryConfiguration", "logs:DeleteDelivery"],
        resources: [logsArn("delivery", "*")],
      }),
      // CloudWatch Logs reads the bucket's policy to see that it may write; it may not change it.
      new PolicyStatement({ actions: ["s3:GetBucketPolicy"], resources: [bucket.bucketArn] }),
    ]),
    installLatestAwsSdk: false,
  });
  delivery.node.addDependency(source);
  NagSuppressions.addResourceSuppressions(
    delivery,
    [
      {
        id: "AwsSolutions-IAM5",
        reason:
          "A delivery's id is made by CreateDelivery, so its ARN is not known before: only deliveries of this account in us-east-1.",
        appliesTo: [{ regex: `/^Resource::arn:<AWS::Partition>:logs:${region}:[^:]+:delivery:\\*$/` }],
      },
    ],
    true,
  );
  return { source, destination, delivery };
}
