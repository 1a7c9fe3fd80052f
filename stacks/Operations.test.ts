import { METRICS, metricSeries } from "@lapora/core/infra";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { alarmSettings } from "./alarm-settings";
import { ALARMS, type AlarmName, kebab, runbookAnchor } from "./alarms";
import { checkWithNag } from "./nag";
import { SMS_BUDGET_METRIC_NAME } from "./sms-alarms";
import { FAILURE_AGE_HOURS, WATCHED_OPERATIONS } from "./stage-alarms";
import { createTestApp, templateOf } from "./test-app";

const STACKS = ["Storage", "Messaging", "Auth", "Jobs", "Api", "Web", "Evidence", "Alerts", "Operations"];

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON.
type Props = Record<string, any>;

let t: Template;
let templates: Record<string, Template>;

/** The app composed with these deploy-time variables set (restored afterwards), as `npm run deploy` does. */
async function compose(env: Record<string, string>, stage?: string) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const app = await createTestApp(stage ? { stage } : {});
    await config.stacks(app);
    return app;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The synthesized stacks, by short name. */
async function synth(env: Record<string, string> = {}, stage?: string) {
  const app = await compose(env, stage);
  return Object.fromEntries(STACKS.map((s) => [s, templateOf(app, s)]));
}

beforeAll(async () => {
  templates = await synth();
  t = templates.Operations as Template;
}, 120_000);

const alarms = (template: Template) =>
  Object.values(template.findResources("AWS::CloudWatch::Alarm")).map((a) => a.Properties as Props);
const alarmNamed = (name: AlarmName): Props => {
  const found = alarms(t).filter((a) => a.AlarmName === `test-lapora-${name}`);
  expect(found, name).toHaveLength(1);
  return found[0] as Props;
};
const topicId = () => Object.keys(t.findResources("AWS::SNS::Topic"))[0] ?? "";
/** The metrics a math alarm reads, by id. */
const inputs = (a: Props) =>
  (a.Metrics as Props[]).filter((m) => m.MetricStat).map((m) => m.MetricStat.Metric as Props);
const expression = (a: Props) => (a.Metrics as Props[]).find((m) => m.Expression)?.Expression as string;
const refersTo = (value: unknown, text: string | RegExp) =>
  typeof text === "string" ? JSON.stringify(value).includes(text) : text.test(JSON.stringify(value));

describe("Operations stack: one alarm topic, every alarm on it", () => {
  it("creates exactly the alarms of stacks/alarms.ts, all in this stack, each on the one topic", () => {
    expect(
      alarms(t)
        .map((a) => a.AlarmName)
        .sort(),
    ).toEqual(
      Object.keys(ALARMS)
        .map((n) => `test-lapora-${n}`)
        .sort(),
    );
    for (const name of STACKS.filter((s) => s !== "Operations"))
      expect(alarms(templates[name] as Template), `alarms in ${name}`).toEqual([]);
    expect(Object.keys(t.findResources("AWS::SNS::Topic"))).toHaveLength(1);
    for (const a of alarms(t)) {
      expect(a.AlarmActions, a.AlarmName).toEqual([{ Ref: topicId() }]);
      expect(a.ActionsEnabled ?? true).toBe(true);
    }
  });

  it("names each alarm's runbook section in docs/operations.md, by its name in kebab case", () => {
    expect(kebab("smsSpend50")).toBe("sms-spend-50");
    expect(kebab("api5xx")).toBe("api-5xx");
    expect(kebab("alertsFailedAge")).toBe("alerts-failed-age");
    for (const name of Object.keys(ALARMS) as AlarmName[]) {
      const description = alarmNamed(name).AlarmDescription as string;
      expect(description).toContain(ALARMS[name]);
      expect(description).toMatch(new RegExp(`Runbook: docs/operations\\.md#${kebab(name)}$`));
      expect(runbookAnchor(name)).toBe(`docs/operations.md#${kebab(name)}`);
    }
  });
});

describe("Operations stack: what each alarm watches", () => {
  it("the API's 5xx rate: at least 5% of requests (counted over at least 20) for 10 minutes", () => {
    const a = alarmNamed("api5xx");
    expect(expression(a)).toBe("100 * FILL(errors, 0) / IF(requests < 20, 20, requests)");
    expect(inputs(a).map((m) => [m.Namespace, m.MetricName])).toEqual([
      ["AWS/ApiGateway", "5xx"],
      ["AWS/ApiGateway", "Count"],
    ]);
    expect(refersTo(inputs(a)[0]?.Dimensions, /Api:.*httpApi/)).toBe(true);
    expect(a).toMatchObject({
      Threshold: 5,
      EvaluationPeriods: 2,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      TreatMissingData: "notBreaching",
    });
  });

  it.each([
    ["apiPublicErrors", "apiPublic", 300, 1, undefined],
    ["apiOfficerErrors", "apiOfficer", 300, 1, undefined],
    ["reportEventsErrors", "reportEvents", 300, 1, undefined],
    ["evidenceUploadedErrors", "evidenceUploaded", 300, 1, undefined],
    ["accessLogScrubErrors", "accessLogScrub", 300, 1, undefined],
    ["escalationErrors", "escalationJob", 60, 5, 3],
    ["alertFollowUpErrors", "alertFollowUp", 60, 5, 3],
    ["weeklyStatsErrors", "weeklyStatsJob", 3600, 1, undefined],
    ["contactRetentionErrors", "contactRetentionJob", 3600, 1, undefined],
  ] as const)("%s: Lambda Errors of %s", (name, fn, period, periods, datapoints) => {
    const a = alarmNamed(name);
    expect(a).toMatchObject({
      Namespace: "AWS/Lambda",
      MetricName: "Errors",
      Statistic: "Sum",
      Period: period,
      EvaluationPeriods: periods,
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      TreatMissingData: "notBreaching",
    });
    expect(a.DatapointsToAlarm).toBe(datapoints);
    expect(refersTo(a.Dimensions, `Ref${fn}`)).toBe(true);
  });

  it.each([
    ["escalationNotRunning", "escalationJob", 300, 2],
    ["alertFollowUpNotRunning", "alertFollowUp", 300, 2],
    ["contactRetentionNotRunning", "contactRetentionJob", 3600, 26],
    ["weeklyStatsNotRunning", "weeklyStatsJob", 86_400, 7],
  ] as const)("%s: no Invocations of %s, missing data breaching", (name, fn, period, periods) => {
    const a = alarmNamed(name);
    expect(a).toMatchObject({
      Namespace: "AWS/Lambda",
      MetricName: "Invocations",
      Statistic: "Sum",
      Period: period,
      EvaluationPeriods: periods,
      Threshold: 1,
      ComparisonOperator: "LessThanThreshold",
      TreatMissingData: "breaching",
    });
    expect(refersTo(a.Dimensions, `Ref${fn}`)).toBe(true);
    // A sliding window is at most 7 days: the weekly job's is 7 whole WIB days instead.
    expect(a.EvaluationWindow).toEqual(
      name === "weeklyStatsNotRunning" ? { WallClockWindow: { Timezone: "Asia/Jakarta" } } : undefined,
    );
  });

  it("throttles of every function, summed, missing points as 0", () => {
    const a = alarmNamed("lambdaThrottles");
    expect(inputs(a).map((m) => m.MetricName)).toEqual(Array(9).fill("Throttles"));
    for (const fn of [
      "apiPublic",
      "apiOfficer",
      "reportEvents",
      "evidenceUploaded",
      "escalationJob",
      "accessLogScrub",
    ])
      expect(refersTo(inputs(a), `Ref${fn}`), fn).toBe(true);
    expect(expression(a)).toMatch(/^SUM\(\[FILL\(t0, 0\), .*FILL\(t8, 0\)\]\)$/);
    expect(a).toMatchObject({ Threshold: 1, TreatMissingData: "notBreaching" });
  });

  it.each([
    ["tableThrottles", "ThrottledRequests"],
    ["tableSystemErrors", "SystemErrors"],
  ] as const)("%s: DynamoDB %s of the table, over the operations the app uses", (name, metric) => {
    const a = alarmNamed(name);
    const read = inputs(a);
    expect(read.map((m) => [m.Namespace, m.MetricName])).toEqual(
      WATCHED_OPERATIONS.map(() => ["AWS/DynamoDB", metric]),
    );
    expect(read.map((m) => m.Dimensions.find((d: Props) => d.Name === "Operation").Value)).toEqual([
      ...WATCHED_OPERATIONS,
    ]);
    expect(refersTo(read[0]?.Dimensions, /Storage:.*table/)).toBe(true);
    expect(a).toMatchObject({
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      TreatMissingData: "notBreaching",
    });
  });

  it.each([
    ["alertsFailed", "alertsFailedAge", "Alerts:.*reportEventsFailures", FAILURE_AGE_HOURS.alerts],
    [
      "evidenceFailed",
      "evidenceFailedAge",
      "Evidence:.*evidenceUploadedFailures",
      FAILURE_AGE_HOURS.evidence,
    ],
  ] as const)(
    "%s and %s: the failure queue's depth and its oldest message's age",
    (depth, age, queue, hours) => {
      const d = alarmNamed(depth);
      expect(d).toMatchObject({
        Namespace: "AWS/SQS",
        MetricName: "ApproximateNumberOfMessagesVisible",
        Threshold: 1,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        TreatMissingData: "notBreaching",
      });
      expect(refersTo(d.Dimensions, new RegExp(queue))).toBe(true);
      const a = alarmNamed(age);
      expect(a).toMatchObject({
        Namespace: "AWS/SQS",
        MetricName: "ApproximateAgeOfOldestMessage",
        Statistic: "Maximum",
        Threshold: hours * 3600,
        TreatMissingData: "notBreaching",
      });
      expect(refersTo(a.Dimensions, new RegExp(queue))).toBe(true);
      // The stream keeps an alert's record 24 h, and S3 deletes an unchecked upload after 2 days.
      expect(hours).toBeLessThan(depth === "alertsFailed" ? 24 : 48);
    },
  );

  it("alerts more than 5 minutes behind (report-events' IteratorAge)", () => {
    expect(alarmNamed("alertsDelayed")).toMatchObject({
      Namespace: "AWS/Lambda",
      MetricName: "IteratorAge",
      Statistic: "Maximum",
      Threshold: 300_000,
      ComparisonOperator: "GreaterThanThreshold",
    });
    expect(refersTo(alarmNamed("alertsDelayed").Dimensions, "RefreportEvents")).toBe(true);
  });

  it("an SMS to an officer that SNS could not deliver, on the alerts topic", () => {
    const a = alarmNamed("smsFailed");
    expect(a).toMatchObject({
      Namespace: "AWS/SNS",
      MetricName: "NumberOfNotificationsFailed",
      Statistic: "Sum",
      Threshold: 1,
      TreatMissingData: "notBreaching",
    });
    expect(refersTo(a.Dimensions, /Messaging:.*alertsTopic.*TopicName/)).toBe(true);
  });

  it("the month's SMS spend at 50% and 80% of the stage's cap: 5 USD outside prod, 100 in prod", async () => {
    const spend = (template: Template) =>
      alarms(template).filter((a) => a.MetricName === "SMSMonthToDateSpentUSD");
    for (const a of spend(t)) {
      expect(a).toMatchObject({
        Namespace: "AWS/SNS",
        Statistic: "Maximum",
        TreatMissingData: "notBreaching",
      });
      expect(a.Dimensions).toBeUndefined();
    }
    expect(spend(t).map((a) => [a.AlarmName, a.Threshold])).toEqual([
      ["test-lapora-smsSpend50", 2.5],
      ["test-lapora-smsSpend80", 4],
    ]);
    const prod = await synth({}, "prod");
    expect(spend(prod.Operations as Template).map((a) => a.Threshold)).toEqual([50, 80]);
  }, 120_000);

  it("a day's SMS budget spent, counted from both senders' logs in the stage's namespace", () => {
    expect(alarmNamed("smsBudgetCrossed")).toMatchObject({
      Namespace: "Lapora/test",
      MetricName: SMS_BUDGET_METRIC_NAME,
      Statistic: "Sum",
      Threshold: 1,
    });
    const filters = Object.values(t.findResources("AWS::Logs::MetricFilter")).map((f) => f.Properties);
    expect(filters).toHaveLength(2);
    for (const f of filters) {
      expect(f.FilterPattern).toBe('{ $.outcome = "sms_over_budget" }');
      expect(f.MetricTransformations).toEqual([
        expect.objectContaining({ MetricName: SMS_BUDGET_METRIC_NAME, MetricNamespace: "Lapora/test" }),
      ]);
    }
    const groups = JSON.stringify(filters.map((f) => f.LogGroupName));
    expect(groups).toMatch(/reportEvents/);
    expect(groups).toMatch(/alertFollowUp/);
  });
});

describe("Operations stack: who the alarms reach", () => {
  const subscriptions = (template: Template) =>
    Object.values(template.findResources("AWS::SNS::Subscription")).map((s) => s.Properties as Props);

  it("subscribes the e-mails and the phone of LAPORA_ALARM_EMAILS and LAPORA_ALARM_SMS to the alarm topic", async () => {
    const set = await synth({ LAPORA_ALARM_EMAILS: "a@x.id, b@y.id", LAPORA_ALARM_SMS: "+6281234567890" });
    const ops = set.Operations as Template;
    const topic = Object.keys(ops.findResources("AWS::SNS::Topic"))[0];
    expect(
      subscriptions(ops)
        .map((s) => [s.Protocol, s.Endpoint])
        .sort(),
    ).toEqual([
      ["email", "a@x.id"],
      ["email", "b@y.id"],
      ["sms", "+6281234567890"],
    ]);
    for (const s of subscriptions(ops)) expect(s.TopicArn).toEqual({ Ref: topic });
    // Restored: the stage without them has no subscriber.
    expect(process.env.LAPORA_ALARM_EMAILS).toBeUndefined();
    expect(subscriptions(t)).toEqual([]);
  }, 120_000);

  it("fails the deploy with one sentence on a bad address or number", async () => {
    expect(() => alarmSettings({ emails: "it@polres.example,kasi" })).toThrow(
      /^LAPORA_ALARM_EMAILS must be e-mail addresses separated by commas, .*\("kasi" is not one\)\.$/,
    );
    expect(() => alarmSettings({ sms: "081234567890" })).toThrow(
      "LAPORA_ALARM_SMS must be one Indonesian mobile number in E.164 form, such as +6281234567890.",
    );
    expect(() => alarmSettings({ sms: "+6221123456" })).toThrow(/LAPORA_ALARM_SMS/);
    expect(alarmSettings({ emails: " a@x.id,,a@x.id ", sms: " +6281234567890 " })).toEqual({
      emails: ["a@x.id"],
      sms: "+6281234567890",
    });
    expect(alarmSettings({})).toEqual({ emails: [] });
    await expect(synth({ LAPORA_ALARM_EMAILS: "not-an-address" })).rejects.toThrow(/LAPORA_ALARM_EMAILS/);
  }, 120_000);

  it("leaves cdk-nag nothing unsuppressed with subscribers (prod)", async () => {
    const app = await compose(
      { LAPORA_ALARM_EMAILS: "it@polres.example", LAPORA_ALARM_SMS: "+6281234567890" },
      "prod",
    );
    const { unsuppressed, suppressed } = checkWithNag(app);
    app.synth();
    expect(unsuppressed).toEqual([]);
    expect(suppressed.filter((f) => f.path.includes("/alarms/")).map((f) => f.rule)).toContain(
      "Serverless-SNSRedrivePolicy",
    );
  }, 120_000);
});

describe("Operations stack: the stage's dashboard", () => {
  const body = () => {
    const [dashboard, ...more] = Object.values(t.findResources("AWS::CloudWatch::Dashboard"));
    expect(more).toEqual([]);
    expect(dashboard?.Properties.DashboardName).toBe("test-lapora");
    // The body is a Fn::Join of text and references: the text is what matters here.
    const parts = dashboard?.Properties.DashboardBody["Fn::Join"][1] as unknown[];
    return parts.map((p) => (typeof p === "string" ? p : "<ref>")).join("");
  };

  it("has the widgets the issue lists", () => {
    const text = body();
    for (const title of [
      "Reports per hour by priority",
      "Held for review (quarantine), by priority",
      "Alerts sent by channel",
      "SMS spend this month, USD",
      "Escalations",
      "Photos accepted and refused",
      "API requests and errors",
      "API latency, ms",
      "Job runs: every minute (per hour)",
      "Job runs: daily and weekly (per day)",
      "Failure queues: messages waiting",
      "Alarms",
    ])
      expect(text, title).toContain(`"title":"${title}`);
  });

  it("charts every metric the functions write, in the stage's namespace, and AWS's SMS spend", () => {
    const text = body();
    for (const { name, dimensions } of metricSeries()) {
      // CloudWatch's widget JSON lists dimensions by name.
      const dims = Object.entries(dimensions)
        .sort(([a], [b]) => a.localeCompare(b))
        .flat();
      expect(text, `${name} ${dims}`).toContain(JSON.stringify(["Lapora/test", name, ...dims]).slice(1, -1));
    }
    expect(Object.keys(METRICS)).toEqual(["ReportsReceived", "AlertsSent", "Escalations", "Photos"]);
    expect(text).toContain('"AWS/SNS","SMSMonthToDateSpentUSD"');
    expect(text).toContain('"AWS/ApiGateway","Latency"');
    expect(text).toContain('"AWS/Lambda","Invocations"');
  });

  it("shows the state of every alarm", () => {
    const text = body();
    const listed = text.match(/"alarms":\[[^\]]*\]/)?.[0] ?? "";
    expect(listed.split("<ref>").length - 1).toBe(Object.keys(ALARMS).length);
  });

  it("gives every function that writes metrics the stage's namespace", () => {
    const withNamespace = STACKS.flatMap((s) =>
      Object.entries((templates[s] as Template).findResources("AWS::Lambda::Function"))
        .filter(([, f]) => f.Properties.Environment?.Variables?.METRICS_NAMESPACE === "Lapora/test")
        .map(([id]) => id.replace(/[0-9A-F]{8}$/, "")),
    );
    for (const fn of [
      "apiPublic",
      "apiOfficer",
      "reportEvents",
      "alertFollowUp",
      "escalationJob",
      "evidenceUploaded",
    ])
      expect(
        withNamespace.some((id) => id.startsWith(fn)),
        fn,
      ).toBe(true);
  });
});
