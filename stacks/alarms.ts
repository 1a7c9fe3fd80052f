import type { Stack } from "aws-cdk-lib";
import { Alarm, type AlarmProps, type CfnAlarm } from "aws-cdk-lib/aws-cloudwatch";
import type { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";

/** Where each alarm's runbook section is: one section per alarm, anchored by its name in kebab case. */
export const RUNBOOK = "docs/operations.md";

/**
 * Every alarm of a stage, by name, with what it means: the first words of its description (the runbook
 * section, `runbookAnchor(name)`, says what to check and what to do). A test checks that the stacks
 * create exactly these.
 */
export const ALARMS = {
  api5xx: "More than 5% of API requests answered 5xx for 10 minutes: residents or officers get errors.",
  apiPublicErrors:
    "The apiPublic function failed (crashed, timed out or could not start): the form, tracking or photos answered 5xx.",
  apiOfficerErrors:
    "The apiOfficer function failed (crashed, timed out or could not start): sign-in, the console or the roster answered 5xx.",
  reportEventsErrors:
    "The report-events function failed on a whole batch: alerts wait behind it on the stream.",
  evidenceUploadedErrors:
    "The evidence-uploaded function failed on an upload: S3 retries it twice, then its event goes to the evidence failure queue.",
  accessLogScrubErrors:
    "The access-log-scrub function failed: raw access-log files of the evidence bucket are not scrubbed; they expire unread after a day, so that part of the access log is lost. Nothing with full addresses is kept.",
  escalationErrors:
    "The escalation job failed in 3 of the last 5 minutes: overdue darurat and tinggi reports are not escalated.",
  escalationNotRunning:
    "The escalation job has not run for 10 minutes (no data counts as not running): nothing escalates.",
  alertFollowUpErrors:
    "The alert follow-up job failed in 3 of the last 5 minutes: tinggi follow-up SMS, digests and reporters' updates wait.",
  alertFollowUpNotRunning:
    "The alert follow-up job has not run for 10 minutes (no data counts as not running): tinggi follow-up SMS are not sent.",
  weeklyStatsErrors: "The weekly statistics job failed: the week's figures and open data may be missing.",
  weeklyStatsNotRunning:
    "The weekly statistics job did not run on any of the last 7 full days (WIB): Monday's week was not published.",
  contactRetentionErrors:
    "The contact-retention job failed: reporters' contacts due for erasure are kept past RETENTION_DAYS.",
  contactRetentionNotRunning:
    "The contact-retention job has not run for 26 hours (no data counts as not running): last night's erasures did not happen.",
  lambdaThrottles:
    "A function of the stage was throttled (its reserved concurrency or the account's limit): requests refused or events delayed.",
  tableThrottles: "DynamoDB throttled requests to the table: reads or writes failed or were retried.",
  tableSystemErrors: "DynamoDB answered requests to the table with internal server errors.",
  alertsFailed:
    "Alert records were given up on after 2 hours of retries and are on the report-events failure queue: replay them before the stream's 24 hours run out.",
  alertsFailedAge:
    "A failed alert record has waited 12 hours on the report-events failure queue: the table's stream drops it at 24 hours.",
  alertsDelayed: "Alerts are more than 5 minutes behind the reports (SNS, push or report-events failing).",
  evidenceFailed:
    "Photo uploads could not be checked after 3 tries and are on the evidence failure queue: unverified uploads are deleted after 2 days.",
  evidenceFailedAge:
    "A failed upload event has waited a day on the evidence failure queue: its photo is deleted at 2 days unless replayed.",
  smsFailed:
    "SNS could not deliver an SMS alert to an officer: see the SMS delivery-status logs (sns/<region>/<account>/…).",
  smsSpend50:
    "The account's SMS spend this month passed 50% of the stage's cap (LAPORA_SMS_MONTHLY_LIMIT_USD): at the cap every SMS stops until the 1st.",
  smsSpend80:
    "The account's SMS spend this month passed 80% of the stage's cap (LAPORA_SMS_MONTHLY_LIMIT_USD): at the cap every SMS stops until the 1st.",
  smsBudgetCrossed:
    "Today's SMS budget is spent: sedang/rendah SMS and digests stopped, tinggi waits for push acknowledgement, darurat still goes.",
} as const;
export type AlarmName = keyof typeof ALARMS;

/** `smsSpend50` -> `sms-spend-50`, `api5xx` -> `api-5xx`: the anchor of the alarm's runbook section. */
export const kebab = (name: string) => name.replace(/([a-z])(?=[A-Z0-9])/g, "$1-").toLowerCase();
export const runbookAnchor = (name: AlarmName) => `${RUNBOOK}#${kebab(name)}`;

/** Makes one alarm of the stage: its name, its meaning and runbook, and the one alarm topic as its action. */
export type AddAlarm = (name: AlarmName, props: Omit<AlarmProps, "alarmName" | "alarmDescription">) => Alarm;

export function alarmFactory(stack: Stack, stage: string, action: SnsAction): AddAlarm {
  return (name, props) => {
    const alarm = new Alarm(stack, name, {
      ...props,
      alarmName: `${stage}-lapora-${name}`,
      alarmDescription: `${ALARMS[name]} Runbook: ${runbookAnchor(name)}`,
    });
    alarm.addAlarmAction(action);
    return alarm;
  };
}

/**
 * Evaluates the alarm over whole days of a time zone instead of a window sliding with the clock
 * (CloudWatch's wall clock window; aws-cdk-lib 2.224 has no property for it yet). A weekly job needs it:
 * a sliding window is at most 7 days, so last week's run would leave it a minute before this week's
 * run is counted.
 */
export function onWholeDays(alarm: Alarm, timezone: string) {
  (alarm.node.defaultChild as CfnAlarm).addPropertyOverride("EvaluationWindow", {
    WallClockWindow: { Timezone: timezone },
  });
}
