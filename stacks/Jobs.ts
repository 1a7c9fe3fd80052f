import { parseRetentionDays, TABLE } from "@lapora/core/infra";
import type { RetentionEnvironment, StatsEnvironment } from "@lapora/functions/config";
import { RemovalPolicy } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { BlockPublicAccess, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { NagSuppressions } from "cdk-nag";
import { Bucket, Cron, type StackContext, Topic, use } from "sst/constructs";
import { nagArn, noScheduleDlq } from "./nag";
import { Storage } from "./Storage";

/**
 * Monday 00:05 WIB is Sunday 17:05 UTC: EventBridge schedules are written in UTC, and WIB (UTC+7) has no
 * daylight saving, so this holds all year.
 */
export const WEEKLY_STATS_SCHEDULE = "cron(5 17 ? * SUN *)";

/** Every day at 02:00 WIB (19:00 UTC), when nobody is reporting. */
export const CONTACT_RETENTION_SCHEDULE = "cron(0 19 * * ? *)";

/**
 * The partitions the contact-retention job touches: reports, their audit trails, and the list of
 * erasures due (gsi3 `contact-retention`).
 */
export const RETENTION_PARTITIONS = ["$lapora#reportid_*", "$lapora#subject_report:*", "contact-retention"];

/**
 * Scheduled jobs. `weekly-stats` reads the week's reports through the day index (gsi1 Query only),
 * stores the figures on the table, writes the open-data files to a private bucket the API serves from,
 * and sends pimpinan a summary on the `summaries` topic.
 */
export function Jobs({ app, stack }: StackContext) {
  const { table } = use(Storage);
  const keep = app.stage === "prod";

  const openData = new Bucket(stack, "openData", {
    cors: false,
    blockPublicACLs: true,
    cdk: {
      bucket: {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        // The files are recomputed from the table at any time, so nothing here needs versions.
        removalPolicy: keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        autoDeleteObjects: !keep,
      },
    },
  });

  NagSuppressions.addResourceSuppressions(openData.cdk.bucket, [
    {
      id: "AwsSolutions-S1",
      reason:
        "Open data recomputed from the table at any time, written by weekly-stats and read only by the API: an access log would record nothing worth keeping.",
    },
  ]);

  // Leadership subscribes (SMS or e-mail) to this topic; it is separate from officers' alert SMS.
  const summaries = new Topic(stack, "summaries", { cdk: { topic: { enforceSSL: true } } });

  const weeklyStats = new Cron(stack, "weeklyStats", {
    schedule: WEEKLY_STATS_SCHEDULE,
    job: {
      function: {
        handler: "packages/functions/src/jobs/weekly-stats.handler",
        // Reads two weeks of a district's reports (a few thousand items): a minute is plenty.
        timeout: "60 seconds",
        environment: {
          TABLE_NAME: table.tableName,
          OPEN_DATA_BUCKET: openData.bucketName,
          SUMMARY_TOPIC_ARN: summaries.topicArn,
        } satisfies StatsEnvironment,
        permissions: [
          new PolicyStatement({
            actions: ["dynamodb:Query"],
            resources: [`${table.tableArn}/index/${TABLE.gsi1.name}`],
          }),
          new PolicyStatement({ actions: ["dynamodb:PutItem"], resources: [table.tableArn] }),
          new PolicyStatement({ actions: ["s3:PutObject"], resources: [`${openData.bucketArn}/stats/*`] }),
          new PolicyStatement({ actions: ["sns:Publish"], resources: [summaries.topicArn] }),
        ],
      },
    },
  });

  NagSuppressions.addResourceSuppressions(
    weeklyStats,
    [
      {
        id: "AwsSolutions-IAM5",
        reason: "The open-data files, one per week and format, all under stats/ in the job's own bucket.",
        appliesTo: [`Resource::${nagArn(openData.cdk.bucket)}/stats/*`],
      },
      ...noScheduleDlq(
        "A failed week loses nothing: invoked with { week }, the function recomputes any week from the table.",
      ),
    ],
    true,
  );

  // LAPORA_RETENTION_DAYS at deploy: checked here, so a bad value fails the deploy, not the job.
  const retentionDays = parseRetentionDays(process.env.LAPORA_RETENTION_DAYS, "LAPORA_RETENTION_DAYS");
  const keys = {
    "ForAllValues:StringLike": { "dynamodb:LeadingKeys": RETENTION_PARTITIONS },
    Null: { "dynamodb:LeadingKeys": "false" },
  };
  const contactRetention = new Cron(stack, "contactRetention", {
    schedule: CONTACT_RETENTION_SCHEDULE,
    job: {
      function: {
        handler: "packages/functions/src/jobs/contact-retention.handler",
        timeout: "120 seconds",
        environment: {
          TABLE_NAME: table.tableName,
          RETENTION_DAYS: String(retentionDays),
        } satisfies RetentionEnvironment,
        permissions: [
          new PolicyStatement({
            actions: ["dynamodb:Query"],
            resources: [`${table.tableArn}/index/${TABLE.gsi3.name}`],
            conditions: keys,
          }),
          new PolicyStatement({
            actions: [
              "dynamodb:GetItem",
              "dynamodb:PutItem",
              "dynamodb:DeleteItem",
              "dynamodb:ConditionCheckItem",
            ],
            resources: [table.tableArn],
            conditions: keys,
          }),
        ],
      },
    },
  });
  NagSuppressions.addResourceSuppressions(
    contactRetention,
    noScheduleDlq(
      "Each run erases every contact due by its time, so the next day's run takes what one missed.",
    ),
    true,
  );

  return { openData, summaries, weeklyStats, contactRetention };
}
