import { metricsNamespace, STREAM_FILTER, TABLE } from "@lapora/core/infra";
import type { AlertsEnvironment, EscalationEnvironment } from "@lapora/functions/config";
import { Duration } from "aws-cdk-lib";
import { RuleTargetInput } from "aws-cdk-lib/aws-events";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { StringParameter } from "aws-cdk-lib/aws-ssm";
import { NagSuppressions } from "cdk-nag";
import { Cron, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { Messaging } from "./Messaging";
import { noDlqOfItsOwn, noScheduleDlq } from "./nag";
import { Storage } from "./Storage";
import { Web } from "./Web";

/**
 * The alert senders (report-events, alert-follow-up): the "sent" markers (claim: conditional put, read,
 * release: delete, mark sent: update), officers' push devices (Query in the officer's partition; a
 * device a push service calls gone is deleted), the SMS budget (update), tinggi follow-ups (put, and
 * delete once handled), acknowledgements and a report's status (Query, GetItem).
 */
export const REPORT_EVENTS_TABLE_ACTIONS = [
  "dynamodb:DeleteItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:UpdateItem",
];
/** The gsi3 partitions the alert senders read: the roster (routing) and the follow-ups due. */
export const ALERT_SENDER_GSI3_PARTITIONS = ["officers", "sms-follow-ups", "reporter-updates"];
/**
 * Escalation: the open-reports index and a report's escalations (Query), each step with its audit entry
 * (PutItem); and the quarantine's held darurat reports (gsi3 `quarantine`, Query) with the last summary
 * (GetItem) and the next one (PutItem).
 */
export const ESCALATION_TABLE_ACTIONS = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"];
export const ESCALATION_SCHEDULE = "rate(1 minute)";
export const FOLLOW_UP_SCHEDULE = "rate(1 minute)";
/** The daily digest: 07:00 WIB is 00:00 UTC (SMS_POLICY.digestHourWib). */
export const DIGEST_SCHEDULE = "cron(0 0 * * ? *)";
/** An SMS later than this is no longer an alert: the record goes to the failure queue instead. */
export const MAX_ALERT_AGE = Duration.hours(2);
const TIMEOUT_SECONDS = 30;

/**
 * SMS alerts: `report-events` on the table's stream (new reports and escalations only, by the same filter
 * the local poller uses) and the `escalation` job every minute. Records that fail are retried, bisected,
 * until they are MAX_ALERT_AGE old; then their position goes to a failure queue. The alerts' alarms (the
 * failure queue, the lag, SMS failures and spend) are in stacks/Operations.ts, with every other alarm.
 */
export function Alerts({ app, stack }: StackContext) {
  const { table } = use(Storage);
  const { alerts, sms, push } = use(Messaging);
  const { site } = use(Web);
  const consoleUrl = sms.consoleUrl ?? site.url;
  if (!consoleUrl) throw new Error("The site has no URL yet: set LAPORA_CONSOLE_URL for the SMS link.");

  const failures = new Queue(stack, "reportEventsFailures", {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  NagSuppressions.addResourceSuppressions(failures, noDlqOfItsOwn("report-events' on-failure destination"));

  const senderEnvironment = {
    TABLE_NAME: table.tableName,
    ALERTS_TOPIC_ARN: alerts.topicArn,
    CONSOLE_URL: consoleUrl,
    SMS_SENDER_ID: sms.senderId,
    SMS_MAX_PRICE_USD: sms.maxPriceUsd,
    // After twice the timeout, a claim's run is certainly over (see Alert.smsOnce).
    ALERT_LEASE_SECONDS: String(2 * TIMEOUT_SECONDS),
    // The public key resolved at deploy; the private key is read from SSM at run time, never set here.
    VAPID_PUBLIC_KEY: StringParameter.valueForStringParameter(stack, push.publicKeyParameter),
    VAPID_PRIVATE_KEY_PARAMETER: push.privateKeyParameter,
    VAPID_SUBJECT: push.subject,
    SMS_POLICY: push.smsPolicy,
    METRICS_NAMESPACE: metricsNamespace(app.stage),
  } satisfies AlertsEnvironment;
  const privateKeyArn = `arn:${stack.partition}:ssm:${stack.region}:${stack.account}:parameter${push.privateKeyParameter}`;
  // The SecureString uses the account's aws/ssm key, whose policy lets SSM decrypt for any principal
  // allowed GetParameter: no kms grant is needed (a customer-managed key would need kms:Decrypt).
  const senderGrants = [
    new PolicyStatement({ actions: REPORT_EVENTS_TABLE_ACTIONS, resources: [table.tableArn] }),
    new PolicyStatement({
      actions: ["dynamodb:Query"],
      resources: [`${table.tableArn}/index/${TABLE.gsi3.name}`],
      conditions: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ALERT_SENDER_GSI3_PARTITIONS } },
    }),
    new PolicyStatement({ actions: ["sns:Publish"], resources: [alerts.topicArn] }),
    new PolicyStatement({ actions: ["ssm:GetParameter"], resources: [privateKeyArn] }),
  ];

  const reportEvents = new LambdaFunction(stack, "reportEvents", {
    handler: "packages/functions/src/events/report-events.handler",
    timeout: `${TIMEOUT_SECONDS} seconds`,
    environment: senderEnvironment,
  });
  reportEvents.attachPermissions(senderGrants);
  reportEvents.addEventSource(
    new DynamoEventSource(table.cdk.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 25,
      filters: [FilterCriteria.filter(JSON.parse(JSON.stringify(STREAM_FILTER)))],
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      // Retries are bounded by age, not count: an SNS outage of an hour must not drop alerts after ten tries.
      retryAttempts: 10_000,
      maxRecordAge: MAX_ALERT_AGE,
      onFailure: new SqsDlq(failures),
    }),
  );
  NagSuppressions.addResourceSuppressions(
    reportEvents,
    [
      {
        id: "Serverless-LambdaDLQ",
        reason:
          "Invoked from the table's stream, where a function's DLQ gets nothing: failed records go to the event source's on-failure queue (reportEventsFailures).",
      },
      {
        id: "AwsSolutions-IAM5",
        reason:
          "X-Ray's writes, and dynamodb:ListStreams, which CDK's DynamoEventSource grants on * because it takes no resource.",
        appliesTo: ["Resource::*"],
      },
    ],
    true,
  );

  const escalation = new Cron(stack, "escalation", {
    schedule: ESCALATION_SCHEDULE,
    job: {
      function: {
        handler: "packages/functions/src/jobs/escalation.handler",
        timeout: "50 seconds",
        environment: {
          TABLE_NAME: table.tableName,
          ESCALATION_MINUTES: sms.escalationMinutes,
          METRICS_NAMESPACE: metricsNamespace(app.stage),
        } satisfies EscalationEnvironment,
        permissions: [
          new PolicyStatement({
            actions: ESCALATION_TABLE_ACTIONS,
            resources: [table.tableArn, `${table.tableArn}/index/${TABLE.gsi4.name}`],
          }),
          // gsi3 also holds every report by time: only the quarantine's partition, and the roster (an
          // acknowledgement by an officer a report was routed to stops its escalation).
          new PolicyStatement({
            actions: ["dynamodb:Query"],
            resources: [`${table.tableArn}/index/${TABLE.gsi3.name}`],
            conditions: {
              "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["quarantine", "officers"] },
            },
          }),
        ],
      },
    },
  });
  NagSuppressions.addResourceSuppressions(
    escalation,
    noScheduleDlq(
      "Each run escalates what is overdue at its time, so the next minute's run does what one missed.",
    ),
    true,
  );

  // The tinggi SMS after the acknowledgement window (every minute) and the daily digest, one function.
  const followUpFunction = new LambdaFunction(stack, "alertFollowUp", {
    handler: "packages/functions/src/jobs/alert-follow-up.handler",
    timeout: "50 seconds",
    environment: senderEnvironment,
  });
  followUpFunction.attachPermissions([
    ...senderGrants,
    // The digest counts each officer's open reports on the open-reports index.
    new PolicyStatement({
      actions: ["dynamodb:Query"],
      resources: [`${table.tableArn}/index/${TABLE.gsi4.name}`],
    }),
    // Reporters' SMS updates go straight to their number: SNS names no resource for a phone number, so
    // this Publish is on "*" (the function knows no topic but the alerts topic).
    new PolicyStatement({ actions: ["sns:Publish"], resources: ["*"] }),
  ]);
  const followUp = new Cron(stack, "alertFollowUpEveryMinute", {
    schedule: FOLLOW_UP_SCHEDULE,
    job: { function: followUpFunction },
  });
  const digest = new Cron(stack, "alertDigestDaily", {
    schedule: DIGEST_SCHEDULE,
    job: {
      function: followUpFunction,
      cdk: { target: { event: RuleTargetInput.fromObject({ task: "digest" }) } },
    },
  });
  NagSuppressions.addResourceSuppressions(
    [followUpFunction, followUp, digest],
    noScheduleDlq(
      "Each minute's run sends the follow-ups due by its time, so the next does what one missed; a missed digest's open reports are counted again the next day.",
    ),
    true,
  );
  NagSuppressions.addResourceSuppressions(
    followUpFunction,
    [
      {
        id: "AwsSolutions-IAM5",
        reason:
          "X-Ray's writes, and sns:Publish straight to reporters' numbers, which IAM names no resource for.",
        appliesTo: ["Resource::*"],
      },
    ],
    true,
  );

  return { reportEvents, escalation, followUp, digest, followUpFunction, failures };
}
