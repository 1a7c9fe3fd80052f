import { TABLE } from "@lapora/core/infra";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";

/**
 * What the officer function may do on the table and its indexes. TransactWriteItems is not an IAM action:
 * a transaction is authorised item by item, so PutItem/UpdateItem/ConditionCheckItem cover it.
 * SST `bind` is not used because it grants `dynamodb:*`.
 */
export const API_TABLE_ACTIONS = [
  "dynamodb:ConditionCheckItem",
  // The sign-in throttle deletes an officer's failure counter after a successful sign-in.
  "dynamodb:DeleteItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:UpdateItem",
];

/** The public function: intake, tracking, upload forms and statistics never delete anything. */
export const PUBLIC_TABLE_ACTIONS = API_TABLE_ACTIONS.filter((a) => a !== "dynamodb:DeleteItem");

/**
 * The partitions the public function may touch (packages/core/src/db/README.md), as `dynamodb:LeadingKeys`
 * patterns: the partition key of an item, or of the index a Query reads. Not the roster
 * (`$lapora#nrp_…`, gsi3 `officers`), sign-in attempts, audit trails or the officers' queues.
 */
export const PUBLIC_PARTITIONS = [
  // A report's collection: the report, its photo slots and its upload capability.
  "$lapora#reportid_*",
  // The tracking code's claim (intake) and lookup (tracking).
  "$lapora#trackingcode_*",
  // Idempotency records of submissions (`report:{Idempotency-Key}`).
  "$lapora#key_report:*",
  // The limits by source: a source's report count per window (a held report's hold item is in its
  // report's collection, above; SPKT's list of them, gsi3 `quarantine`, is not).
  "$lapora#counterkey_*",
  // A week's published figures, and the list of published weeks (gsi3).
  "$lapora#week_*",
  "weekly-stats",
  // Attempts at a report's reporter secret, per tracking code and source (never an NRP's).
  "$lapora#username_report:*",
];

/**
 * Audit trails the public function may add to, never read: a reporter's message in a report's thread is
 * audited in the same transaction as the message.
 */
export const PUBLIC_AUDIT_PARTITIONS = ["$lapora#subject_report:*"];

/** Inside a report's partition prefix, the alert markers: claiming one would silence an alert. */
export const PUBLIC_DENIED_PARTITIONS = ["$lapora#reportid_*#kind_*"];

/**
 * What the officer function may do in the officers' user pool: create an officer's sign-in (Cognito SMS-es
 * the temporary password) and switch it off and on. Sign-in itself (InitiateAuth, RespondToAuthChallenge)
 * is a public Cognito API that needs no IAM permission.
 */
export const API_USER_POOL_ACTIONS = [
  "cognito-idp:AdminCreateUser",
  "cognito-idp:AdminDisableUser",
  "cognito-idp:AdminEnableUser",
];

/**
 * What the functions may do in the evidence bucket. Presigned requests act with the signer's rights:
 * upload forms need PutObject (and PutObjectTagging, for the form's unverified tag) on originals; officers'
 * links need GetObject on display copies, and on originals (and their versions) for SPKT and admin.
 */
export const API_EVIDENCE_GRANTS = {
  originals: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectTagging"],
  display: ["s3:GetObject"],
  /** The public function only signs upload forms. */
  uploads: ["s3:PutObject", "s3:PutObjectTagging"],
};

/**
 * What the officer function may do on the alerts topic, so roster changes keep officers' SMS subscriptions
 * in step (Aws.createSnsGateway, core/adapters/aws/sns-subscriptions.ts). Subscribe is allowed for SMS
 * endpoints only. Unsubscribe and SetSubscriptionAttributes act on a subscription ARN, which IAM has no
 * resource type for: they need "*".
 */
export const API_SUBSCRIPTION_GRANTS = {
  topic: ["sns:ListSubscriptionsByTopic", "sns:Subscribe"],
  subscriptions: ["sns:SetSubscriptionAttributes", "sns:Unsubscribe"],
};

export interface ApiResources {
  tableArn: string;
  userPoolArn: string;
  openDataBucketArn: string;
  evidenceBucketArn: string;
  alertsTopicArn: string;
}

// `GET /api/stats/files/{week}.json|csv` serves the open data the weekly job wrote.
const openData = (r: ApiResources) =>
  new PolicyStatement({ actions: ["s3:GetObject"], resources: [`${r.openDataBucketArn}/stats/*`] });

/**
 * The public function's grants. ForAllValues passes a request without the key at all (a Scan), so the
 * Null condition requires it; no Scan is granted anyway.
 */
export function publicGrants(r: ApiResources): PolicyStatement[] {
  const table = [r.tableArn, `${r.tableArn}/index/${TABLE.gsi3.name}`];
  return [
    new PolicyStatement({
      actions: PUBLIC_TABLE_ACTIONS,
      resources: table,
      conditions: {
        "ForAllValues:StringLike": { "dynamodb:LeadingKeys": PUBLIC_PARTITIONS },
        Null: { "dynamodb:LeadingKeys": "false" },
      },
    }),
    new PolicyStatement({
      effect: Effect.DENY,
      actions: PUBLIC_TABLE_ACTIONS,
      resources: table,
      conditions: { "ForAnyValue:StringLike": { "dynamodb:LeadingKeys": PUBLIC_DENIED_PARTITIONS } },
    }),
    new PolicyStatement({
      actions: ["dynamodb:PutItem"],
      resources: [r.tableArn],
      conditions: {
        "ForAllValues:StringLike": { "dynamodb:LeadingKeys": PUBLIC_AUDIT_PARTITIONS },
        Null: { "dynamodb:LeadingKeys": "false" },
      },
    }),
    openData(r),
    new PolicyStatement({
      actions: API_EVIDENCE_GRANTS.uploads,
      resources: [`${r.evidenceBucketArn}/evidence/*`],
    }),
  ];
}

/** The officer function's grants: the console, the roster and sign-in need all of these. */
export function officerGrants(r: ApiResources): PolicyStatement[] {
  return [
    new PolicyStatement({ actions: API_TABLE_ACTIONS, resources: [r.tableArn, `${r.tableArn}/index/*`] }),
    new PolicyStatement({ actions: API_USER_POOL_ACTIONS, resources: [r.userPoolArn] }),
    openData(r),
    new PolicyStatement({
      actions: API_EVIDENCE_GRANTS.originals,
      resources: [`${r.evidenceBucketArn}/evidence/*`],
    }),
    new PolicyStatement({
      actions: API_EVIDENCE_GRANTS.display,
      resources: [`${r.evidenceBucketArn}/display/*`],
    }),
    new PolicyStatement({
      actions: API_SUBSCRIPTION_GRANTS.topic,
      resources: [r.alertsTopicArn],
      conditions: { StringEqualsIfExists: { "sns:Protocol": "sms" } },
    }),
    new PolicyStatement({ actions: API_SUBSCRIPTION_GRANTS.subscriptions, resources: ["*"] }),
  ];
}
