import { Duration, type Stack } from "aws-cdk-lib";
import { ComparisonOperator, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import type { Function as CdkFunction } from "aws-cdk-lib/aws-lambda";
import { FilterPattern, MetricFilter } from "aws-cdk-lib/aws-logs";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import type { AddAlarm } from "./alarms";

/** Shares of the monthly SMS cap at which the operators hear about it, while there is time to act. */
export const SMS_SPEND_ALARM_SHARES = [0.5, 0.8] as const;

/** The metric the alert senders' `sms_over_budget` log lines count (core/alert/dispatch.ts smsOnce). */
export const SMS_BUDGET_METRIC_NAME = "SmsOverBudget";

/**
 * The SMS cap's alarms, on the operators' alarm topic: SMS to officers that SNS could not deliver, and
 * the account's month-to-date SMS spend at each share of the cap. The spend is account-wide (every stage,
 * and Cognito's codes), and SNS stops every SMS at the cap until the 1st of next month.
 */
export function addSmsAlarms(
  stack: Stack,
  props: {
    alerts: ITopic;
    monthlySpendLimitUsd: string;
    alarm: AddAlarm;
    /** The stage's metrics namespace (core/metrics.ts), so stages in one account never mix. */
    namespace: string;
    /** The functions that send SMS: their logs say when the day's SMS budget is spent. */
    senders?: readonly CdkFunction[];
  },
) {
  const budgetMetric = { namespace: props.namespace, metricName: SMS_BUDGET_METRIC_NAME };
  for (const [i, sender] of (props.senders ?? []).entries()) {
    new MetricFilter(stack, `smsOverBudgetFilter${i}`, {
      logGroup: sender.logGroup,
      filterPattern: FilterPattern.stringValue("$.outcome", "=", "sms_over_budget"),
      metricNamespace: budgetMetric.namespace,
      metricName: budgetMetric.metricName,
      metricValue: "1",
      defaultValue: 0,
    });
  }
  if (props.senders?.length) {
    props.alarm("smsBudgetCrossed", {
      metric: new Metric({ ...budgetMetric, statistic: "Sum", period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  props.alarm("smsFailed", {
    metric: props.alerts.metricNumberOfNotificationsFailed({ period: Duration.minutes(5), statistic: "Sum" }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });

  const cap = Number(props.monthlySpendLimitUsd);
  for (const share of SMS_SPEND_ALARM_SHARES) {
    const percent = Math.round(share * 100);
    props.alarm(`smsSpend${percent}` as "smsSpend50" | "smsSpend80", {
      metric: new Metric({
        namespace: "AWS/SNS",
        metricName: "SMSMonthToDateSpentUSD",
        statistic: "Maximum",
        period: Duration.minutes(5),
      }),
      threshold: cap * share,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
