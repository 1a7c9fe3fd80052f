import { METRICS } from "@lapora/core/infra";
import { Duration, type Stack } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type GraphWidgetProps,
  type IAlarm,
  type IMetric,
  Metric,
  TextWidget,
} from "aws-cdk-lib/aws-cloudwatch";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { RUNBOOK } from "./alarms";

const HOUR = Duration.hours(1);
const DAY = Duration.days(1);

/** The functions a stage runs, by the names the alarms and the dashboard give them. */
export interface StageFunctions {
  apiPublic: IFunction;
  apiOfficer: IFunction;
  reportEvents: IFunction;
  evidenceUploaded: IFunction;
  escalation: IFunction;
  alertFollowUp: IFunction;
  weeklyStats: IFunction;
  contactRetention: IFunction;
  accessLogScrub: IFunction;
}

export interface DashboardProps {
  stage: string;
  /** The stage's metrics namespace (core/metrics.ts). */
  namespace: string;
  api: HttpApi;
  functions: StageFunctions;
  queues: { alerts: IQueue; evidence: IQueue };
  /** The stage's monthly SMS cap in USD, drawn on the spend graph. */
  smsCapUsd: number;
  alarms: IAlarm[];
}

/**
 * The stage's one dashboard (`<stage>-lapora`): what residents sent and what the officers received, what
 * it cost in SMS, how the API and the jobs ran, and every alarm's state. The app's own counts are the
 * EMF metrics of core/metrics.ts; everything else is AWS's.
 */
export function stageDashboard(stack: Stack, props: DashboardProps): Dashboard {
  const own = (metricName: keyof typeof METRICS, dimensionsMap: Record<string, string>, label: string) =>
    new Metric({
      namespace: props.namespace,
      metricName,
      dimensionsMap,
      statistic: "Sum",
      period: HOUR,
      label,
    });
  const graph = (title: string, left: IMetric[], extra: GraphWidgetProps = {}) =>
    new GraphWidget({ title, left, width: 8, height: 6, ...extra });
  const { functions: fn } = props;
  const runs = (names: (keyof StageFunctions)[], period: Duration) =>
    names.flatMap((name) => [
      fn[name].metricInvocations({ period, statistic: "Sum", label: `${name} runs` }),
      fn[name].metricErrors({ period, statistic: "Sum", label: `${name} errors` }),
    ]);

  return new Dashboard(stack, "dashboard", {
    dashboardName: `${props.stage}-lapora`,
    defaultInterval: Duration.days(7),
    widgets: [
      [
        new TextWidget({
          markdown: `# Lapora ${props.stage}\nCounts per hour unless said otherwise. Each alarm's runbook is in \`${RUNBOOK}\`, under the alarm's name.`,
          width: 24,
          height: 2,
        }),
      ],
      [
        graph(
          "Reports per hour by priority",
          METRICS.ReportsReceived.priority.map((p) =>
            own("ReportsReceived", { priority: p, outcome: "accepted" }, p),
          ),
          { stacked: true },
        ),
        graph(
          "Held for review (quarantine), by priority",
          METRICS.ReportsReceived.priority.map((p) =>
            own("ReportsReceived", { priority: p, outcome: "held" }, p),
          ),
          { stacked: true },
        ),
        graph(
          "Escalations",
          METRICS.Escalations.outcome.map((o) => own("Escalations", { outcome: o }, `to ${o}`)),
          { stacked: true },
        ),
      ],
      [
        graph(
          "Alerts sent by channel",
          METRICS.AlertsSent.channel.map((c) => own("AlertsSent", { channel: c }, c)),
        ),
        graph(
          "SMS spend this month, USD (the account's, every stage)",
          [
            new Metric({
              namespace: "AWS/SNS",
              metricName: "SMSMonthToDateSpentUSD",
              statistic: "Maximum",
              period: HOUR,
              label: "month to date",
            }),
          ],
          {
            leftAnnotations: [
              { value: props.smsCapUsd, label: "cap: SMS stop" },
              { value: props.smsCapUsd * 0.8, label: "80%" },
              { value: props.smsCapUsd * 0.5, label: "50%" },
            ],
          },
        ),
        graph(
          "Photos accepted and refused",
          METRICS.Photos.outcome.map((o) => own("Photos", { outcome: o }, o)),
        ),
      ],
      [
        graph("API requests and errors", [
          props.api.metricCount({ period: HOUR, statistic: "Sum", label: "requests" }),
          props.api.metricClientError({ period: HOUR, statistic: "Sum", label: "4xx" }),
          props.api.metricServerError({ period: HOUR, statistic: "Sum", label: "5xx" }),
        ]),
        graph(
          "API latency, ms",
          ["p50", "p90", "p99"].map((p) =>
            props.api.metricLatency({ period: Duration.minutes(5), statistic: p, label: p }),
          ),
        ),
        graph("Failure queues: messages waiting", [
          props.queues.alerts.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(5),
            statistic: "Maximum",
            label: "report-events",
          }),
          props.queues.evidence.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(5),
            statistic: "Maximum",
            label: "evidence-uploaded",
          }),
        ]),
      ],
      [
        graph("Job runs: every minute (per hour)", runs(["escalation", "alertFollowUp"], HOUR), {
          width: 12,
        }),
        graph("Job runs: daily and weekly (per day)", runs(["contactRetention", "weeklyStats"], DAY), {
          width: 12,
        }),
      ],
      [new AlarmStatusWidget({ title: "Alarms", alarms: props.alarms, width: 24, height: 6 })],
    ],
  });
}
