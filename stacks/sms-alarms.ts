import { Duration, type Stack } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import type { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { ITopic } from "aws-cdk-lib/aws-sns";

/** Shares of the monthly SMS cap at which the operators hear about it, while there is time to act. */
export const SMS_SPEND_ALARM_SHARES = [0.5, 0.8] as const;

/**
 * The SMS cap's alarms, on the operators' alarm topic: SMS to officers that SNS could not deliver, and
 * the account's month-to-date SMS spend at each share of the cap. The spend is account-wide (every stage,
 * and Cognito's codes), and SNS stops every SMS at the cap until the 1st of next month.
 */
export function addSmsAlarms(
  stack: Stack,
  props: { alerts: ITopic; monthlySpendLimitUsd: string; action: SnsAction },
) {
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
