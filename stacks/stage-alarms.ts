import { Duration } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { ComparisonOperator, MathExpression, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { type AddAlarm, onWholeDays } from "./alarms";
import type { StageFunctions } from "./dashboard";

const FIVE_MINUTES = Duration.minutes(5);
const AT_LEAST = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
/** No data from a function or queue means nothing happened: not an alarm. */
const QUIET_IS_FINE = TreatMissingData.NOT_BREACHING;
/** No invocation of a job that must run is the alarm itself. */
const SILENCE_IS_BAD = TreatMissingData.BREACHING;

/** The table operations the app uses (core/adapters/dynamo), whose throttles and errors are watched. */
export const WATCHED_OPERATIONS = [
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "TransactWriteItems",
] as const;

/** Sum of several series where a missing point is 0 (a metric AWS publishes only when it happens). */
function sumOf(metrics: Record<string, Metric>, label: string, period = FIVE_MINUTES) {
  const ids = Object.keys(metrics);
  return new MathExpression({
    expression: `SUM([${ids.map((id) => `FILL(${id}, 0)`).join(", ")}])`,
    usingMetrics: metrics,
    label,
    period,
  });
}

/** Errors of every function; a job that must run also alarms when it does not. */
export function addFunctionAlarms(alarm: AddAlarm, fn: StageFunctions) {
  const errors = (name: keyof StageFunctions, period: Duration) =>
    fn[name].metricErrors({ period, statistic: "Sum" });
  for (const name of [
    "apiPublic",
    "apiOfficer",
    "reportEvents",
    "evidenceUploaded",
    "accessLogScrub",
  ] as const) {
    alarm(`${name}Errors`, {
      metric: errors(name, FIVE_MINUTES),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: AT_LEAST,
      treatMissingData: QUIET_IS_FINE,
    });
  }
  // Every minute: one failed run is retried by the next; three in five minutes is a failing job.
  for (const name of ["escalation", "alertFollowUp"] as const) {
    alarm(`${name}Errors`, {
      metric: errors(name, Duration.minutes(1)),
      threshold: 1,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      comparisonOperator: AT_LEAST,
      treatMissingData: QUIET_IS_FINE,
    });
    alarm(`${name}NotRunning`, {
      metric: fn[name].metricInvocations({ period: FIVE_MINUTES, statistic: "Sum" }),
      threshold: 1,
      evaluationPeriods: 2,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: SILENCE_IS_BAD,
    });
  }
  for (const name of ["weeklyStats", "contactRetention"] as const) {
    alarm(`${name}Errors`, {
      metric: errors(name, Duration.hours(1)),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: AT_LEAST,
      treatMissingData: QUIET_IS_FINE,
    });
  }
  // Daily at 02:00 WIB: 26 hours without a run is one run missed, with two hours' grace.
  alarm("contactRetentionNotRunning", {
    metric: fn.contactRetention.metricInvocations({ period: Duration.hours(1), statistic: "Sum" }),
    threshold: 1,
    evaluationPeriods: 26,
    comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
    treatMissingData: SILENCE_IS_BAD,
  });
  // Monday 00:05 WIB: the last 7 whole WIB days always hold a run unless one was missed (checked at the
  // end of the Monday it should have run on).
  onWholeDays(
    alarm("weeklyStatsNotRunning", {
      metric: fn.weeklyStats.metricInvocations({ period: Duration.days(1), statistic: "Sum" }),
      threshold: 1,
      evaluationPeriods: 7,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: SILENCE_IS_BAD,
    }),
    "Asia/Jakarta",
  );
  const throttles = Object.fromEntries(
    Object.entries(fn).map(([name, f], i) => [`t${i}`, f.metricThrottles({ statistic: "Sum", label: name })]),
  );
  alarm("lambdaThrottles", {
    metric: sumOf(throttles, "throttles, every function"),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: AT_LEAST,
    treatMissingData: QUIET_IS_FINE,
  });
}

/** The API's 5xx rate: over at least 20 requests, so one error in a quiet hour is not 100%. */
export function addApiAlarms(alarm: AddAlarm, api: HttpApi) {
  alarm("api5xx", {
    metric: new MathExpression({
      expression: "100 * FILL(errors, 0) / IF(requests < 20, 20, requests)",
      usingMetrics: {
        errors: api.metricServerError({ statistic: "Sum" }),
        requests: api.metricCount({ statistic: "Sum" }),
      },
      label: "5xx, % of requests",
      period: FIVE_MINUTES,
    }),
    threshold: 5,
    evaluationPeriods: 2,
    comparisonOperator: AT_LEAST,
    treatMissingData: QUIET_IS_FINE,
  });
}

/** Throttled requests and DynamoDB's own errors, over the operations the app uses. */
export function addTableAlarms(alarm: AddAlarm, table: ITable) {
  const perOperation = (metricName: string) =>
    Object.fromEntries(
      WATCHED_OPERATIONS.map((op, i) => [
        `o${i}`,
        new Metric({
          namespace: "AWS/DynamoDB",
          metricName,
          dimensionsMap: { TableName: table.tableName, Operation: op },
          statistic: "Sum",
        }),
      ]),
    );
  for (const [name, metricName] of [
    ["tableThrottles", "ThrottledRequests"],
    ["tableSystemErrors", "SystemErrors"],
  ] as const) {
    alarm(name, {
      metric: sumOf(perOperation(metricName), `${metricName}, ${WATCHED_OPERATIONS.length} operations`),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: AT_LEAST,
      treatMissingData: QUIET_IS_FINE,
    });
  }
}

/** The hours a failure may wait: the stream keeps an alert's record 24 h, S3 an unchecked upload 2 days. */
export const FAILURE_AGE_HOURS = { alerts: 12, evidence: 24 } as const;

/** Each failure queue: anything on it, and anything left on it too long. Also how far alerts lag. */
export function addFailureAlarms(
  alarm: AddAlarm,
  props: { queues: { alerts: IQueue; evidence: IQueue }; reportEvents: StageFunctions["reportEvents"] },
) {
  for (const [key, depth, age] of [
    ["alerts", "alertsFailed", "alertsFailedAge"],
    ["evidence", "evidenceFailed", "evidenceFailedAge"],
  ] as const) {
    const queue = props.queues[key];
    alarm(depth, {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: AT_LEAST,
      treatMissingData: QUIET_IS_FINE,
    });
    alarm(age, {
      metric: queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: "Maximum" }),
      threshold: FAILURE_AGE_HOURS[key] * 3600,
      evaluationPeriods: 1,
      comparisonOperator: AT_LEAST,
      treatMissingData: QUIET_IS_FINE,
    });
  }
  alarm("alertsDelayed", {
    metric: props.reportEvents.metric("IteratorAge", { statistic: "Maximum", period: Duration.minutes(1) }),
    threshold: 5 * 60_000,
    evaluationPeriods: 3,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: QUIET_IS_FINE,
  });
}
