import { metricsNamespace } from "@lapora/core/infra";
import { Annotations, Stack } from "aws-cdk-lib";
import { Alarm } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { EmailSubscription, SmsSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { NagSuppressions } from "cdk-nag";
import { type StackContext, Topic, use } from "sst/constructs";
import { Alerts } from "./Alerts";
import { Api } from "./Api";
import { alarmSettings } from "./alarm-settings";
import { alarmFactory } from "./alarms";
import { type StageFunctions, stageDashboard } from "./dashboard";
import { Evidence } from "./Evidence";
import { Jobs } from "./Jobs";
import { Messaging } from "./Messaging";
import { Storage } from "./Storage";
import { addSmsAlarms } from "./sms-alarms";
import { addApiAlarms, addFailureAlarms, addFunctionAlarms, addTableAlarms } from "./stage-alarms";

/**
 * Operating a stage: the one alarm topic and its subscribers (LAPORA_ALARM_EMAILS, LAPORA_ALARM_SMS, set
 * at deploy), every alarm of the stage on it (stacks/alarms.ts lists them, each with its runbook section
 * in docs/operations.md), and the stage's dashboard. It comes last: it watches what the others built.
 */
export function Operations({ app, stack }: StackContext) {
  const { table, accessLogScrub } = use(Storage);
  const { alerts, sms } = use(Messaging);
  const { weeklyStats, contactRetention } = use(Jobs);
  const { api, fns } = use(Api);
  const { evidenceUploaded, failures: evidenceFailures } = use(Evidence);
  const { reportEvents, escalation, followUpFunction, failures: alertFailures } = use(Alerts);

  // LAPORA_ALARM_EMAILS and LAPORA_ALARM_SMS at deploy: checked here, so a typo fails the deploy.
  const subscribers = alarmSettings({
    emails: process.env.LAPORA_ALARM_EMAILS,
    sms: process.env.LAPORA_ALARM_SMS,
  });
  // The operators' topic: it never reaches officers' phones (those are on Messaging's `alerts`).
  const topic = new Topic(stack, "alarms", { cdk: { topic: { enforceSSL: true } } });
  for (const email of subscribers.emails) topic.cdk.topic.addSubscription(new EmailSubscription(email));
  if (subscribers.sms) topic.cdk.topic.addSubscription(new SmsSubscription(subscribers.sms));
  if (subscribers.emails.length === 0)
    Annotations.of(stack).addWarningV2(
      "lapora:alarmEmails",
      `LAPORA_ALARM_EMAILS is not set: the alarms of stage ${app.stage} reach no e-mail.`,
    );
  NagSuppressions.addResourceSuppressions(
    topic,
    [
      {
        id: "Serverless-SNSRedrivePolicy",
        reason:
          "Operators' e-mail and phone, which SNS retries itself: a dead-letter queue of alarm notifications would need an alarm of its own, sent to the same people.",
      },
    ],
    true,
  );

  const alarm = alarmFactory(stack, app.stage, new SnsAction(topic.cdk.topic));
  const functions: StageFunctions = {
    apiPublic: fns.public,
    apiOfficer: fns.officer,
    reportEvents,
    evidenceUploaded,
    escalation: escalation.jobFunction,
    alertFollowUp: followUpFunction,
    weeklyStats: weeklyStats.jobFunction,
    contactRetention: contactRetention.jobFunction,
    accessLogScrub,
  };
  const queues = { alerts: alertFailures, evidence: evidenceFailures };
  const namespace = metricsNamespace(app.stage);
  addApiAlarms(alarm, api.cdk.httpApi);
  addFunctionAlarms(alarm, functions);
  addTableAlarms(alarm, table.cdk.table);
  addFailureAlarms(alarm, { queues, reportEvents });
  addSmsAlarms(stack, {
    alerts: alerts.cdk.topic,
    monthlySpendLimitUsd: sms.monthlySpendLimitUsd,
    alarm,
    namespace,
    senders: [reportEvents, followUpFunction],
  });

  const dashboard = stageDashboard(stack, {
    stage: app.stage,
    namespace,
    api: api.cdk.httpApi,
    functions,
    queues,
    smsCapUsd: Number(sms.monthlySpendLimitUsd),
    alarms: stack.node.children.filter((c): c is Alarm => c instanceof Alarm),
  });

  const region = Stack.of(stack).region;
  stack.addOutputs({
    AlarmTopicArn: topic.topicArn,
    DashboardUrl: `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${dashboard.dashboardName}`,
  });

  return { alarms: topic, dashboard };
}
