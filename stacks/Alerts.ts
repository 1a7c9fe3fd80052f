import { STREAM_FILTER, TABLE } from "@lapora/core/infra";
import type { AlertsEnvironment, EscalationEnvironment } from "@lapora/functions/config";
import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Cron, Function as LambdaFunction, type StackContext, Topic, use } from "sst/constructs";
import { Messaging } from "./Messaging";
import { Storage } from "./Storage";
import { addSmsAlarms } from "./sms-alarms";
import { Web } from "./Web";

/** The "alert sent" markers: claim (conditional put), read, release (delete), mark sent (update). */
export const REPORT_EVENTS_TABLE_ACTIONS = [
  "dynamodb:DeleteItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
];
/**
 * Escalation: the open-reports index and a report's escalations (Query), each step with its audit entry
 * (PutItem); and the quarantine's held darurat reports (gsi3 `quarantine`, Query) with the last summary
 * (GetItem) and the next one (PutItem).
 */
export const ESCALATION_TABLE_ACTIONS = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"];
export const ESCALATION_SCHEDULE = "rate(1 minute)";
/** An SMS later than this is no longer an alert: the record goes to the failure queue instead. */
export const MAX_ALERT_AGE = Duration.hours(2);
const TIMEOUT_SECONDS = 30;

/**
 * SMS alerts: `report-events` on the table's stream (new reports and escalations only, by the same filter
 * the local poller uses) and the `escalation` job every minute. Records that fail are retried, bisected,
 * until they are MAX_ALERT_AGE old; then their position goes to a failure queue, which raises an alarm.
 */
export function Alerts({ stack }: StackContext) {
  const { table } = use(Storage);
  const { alerts, sms } = use(Messaging);
  const { site } = use(Web);
  const consoleUrl = sms.consoleUrl ?? site.url;
  if (!consoleUrl) throw new Error("The site has no URL yet: set LAPORA_CONSOLE_URL for the SMS link.");

  const failures = new Queue(stack, "reportEventsFailures", {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });

  const reportEvents = new LambdaFunction(stack, "reportEvents", {
    handler: "packages/functions/src/events/report-events.handler",
    timeout: `${TIMEOUT_SECONDS} seconds`,
    environment: {
      TABLE_NAME: table.tableName,
      ALERTS_TOPIC_ARN: alerts.topicArn,
      CONSOLE_URL: consoleUrl,
      SMS_SENDER_ID: sms.senderId,
      SMS_MAX_PRICE_USD: sms.maxPriceUsd,
      // After twice the timeout, a claim's run is certainly over (see Alert.deliverOnce).
      ALERT_LEASE_SECONDS: String(2 * TIMEOUT_SECONDS),
    } satisfies AlertsEnvironment,
  });
  reportEvents.attachPermissions([
    new PolicyStatement({ actions: REPORT_EVENTS_TABLE_ACTIONS, resources: [table.tableArn] }),
    new PolicyStatement({ actions: ["sns:Publish"], resources: [alerts.topicArn] }),
  ]);
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

  const escalation = new Cron(stack, "escalation", {
    schedule: ESCALATION_SCHEDULE,
    job: {
      function: {
        handler: "packages/functions/src/jobs/escalation.handler",
        timeout: "50 seconds",
        environment: {
          TABLE_NAME: table.tableName,
          ESCALATION_MINUTES: sms.escalationMinutes,
        } satisfies EscalationEnvironment,
        permissions: [
          new PolicyStatement({
            actions: ESCALATION_TABLE_ACTIONS,
            resources: [table.tableArn, `${table.tableArn}/index/${TABLE.gsi4.name}`],
          }),
          // gsi3 also holds the roster and every report by time: only the quarantine's partition.
          new PolicyStatement({
            actions: ["dynamodb:Query"],
            resources: [`${table.tableArn}/index/${TABLE.gsi3.name}`],
            conditions: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["quarantine"] } },
          }),
        ],
      },
    },
  });

  // Operators subscribe (e-mail) to this topic; it never reaches officers' phones.
  const alarms = new Topic(stack, "alertAlarms", { cdk: { topic: { enforceSSL: true } } });
  const alarmAction = new SnsAction(alarms.cdk.topic);
  new Alarm(stack, "alertsFailed", {
    alarmDescription: "SMS alerts were given up on: see the report-events failure queue and replay them.",
    metric: failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(alarmAction);
  new Alarm(stack, "alertsDelayed", {
    alarmDescription: "SMS alerts are more than 5 minutes behind the reports (SNS or report-events failing).",
    metric: reportEvents.metric("IteratorAge", { statistic: "Maximum", period: Duration.minutes(1) }),
    threshold: 5 * 60_000,
    evaluationPeriods: 3,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(alarmAction);
  addSmsAlarms(stack, {
    alerts: alerts.cdk.topic,
    monthlySpendLimitUsd: sms.monthlySpendLimitUsd,
    action: alarmAction,
  });

  return { reportEvents, escalation, failures, alarms };
}
