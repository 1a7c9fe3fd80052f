import { Duration, type Stack } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import type { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { Function as CdkFunction } from "aws-cdk-lib/aws-lambda";
import { FilterPattern, MetricFilter } from "aws-cdk-lib/aws-logs";
import type { ITopic } from "aws-cdk-lib/aws-sns";

/** Shares of the monthly SMS cap at which the operators hear about it, while there is time to act. */
export const SMS_SPEND_ALARM_SHARES = [0.5, 0.8] as const;

/**
 * The SMS cap's alarms, on the operators' alarm topic: SMS to officers that SNS could not deliver, and
 * the account's month-to-date SMS spend at each share of the cap. The spend is account-wide (every stage,
 * and Cognito's codes), and SNS stops every SMS at the cap until the 1st of next month.
 */
/** The metric the alert senders' `sms_over_budget` log lines count (core/alert/dispatch.ts smsOnce). */
export const SMS_BUDGET_METRIC = { namespace: "Lapora", metricName: "SmsOverBudget" } as const;

export function addSmsAlarms(
  stack: Stack,
  props: {
    alerts: ITopic;
    monthlySpendLimitUsd: string;
    action: SnsAction;
    /** The functions that send SMS: their logs say when the day's SMS budget is spent. */
    senders?: readonly CdkFunction[];
  },
) {
  for (const [i, sender] of (props.senders ?? []).entries()) {
    new MetricFilter(stack, `smsOverBudgetFilter${i}`, {
      logGroup: sender.logGroup,
      filterPattern: FilterPattern.stringValue("$.outcome", "=", "sms_over_budget"),
      metricNamespace: SMS_BUDGET_METRIC.namespace,
      metricName: SMS_BUDGET_METRIC.metricName,
      metricValue: "1",
      defaultValue: 0,
    });
  }
  if (props.senders?.length) {
    new Alarm(stack, "smsBudgetCrossed", {
      alarmDescription:
        "Today's SMS budget is spent: sedang/rendah digests stopped, tinggi waits for push acknowledgement, darurat still goes (docs/deploy.md).",
      metric: new Metric({ ...SMS_BUDGET_METRIC, statistic: "Sum", period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(props.action);
  }

  new Alarm(stack, "smsFailed", {
    alarmDescription:
      "SMS alerts to officers failed to deliver: see the SMS delivery-status logs (sns/<region>/<account>/…).",
    metric: props.alerts.metricNumberOfNotificationsFailed({ period: Duration.minutes(5), statistic: "Sum" }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(props.action);

  const cap = Number(props.monthlySpendLimitUsd);
  for (const share of SMS_SPEND_ALARM_SHARES) {
    const percent = Math.round(share * 100);
    new Alarm(stack, `smsSpend${percent}`, {
      alarmDescription: `SMS spend this month passed ${percent}% of the ${cap} USD cap: at the cap every SMS stops until the 1st (docs/deploy.md).`,
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
    }).addAlarmAction(props.action);
  }
}
