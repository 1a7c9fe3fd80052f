import { STREAM_FILTER } from "@lapora/core/infra";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { ESCALATION_TABLE_ACTIONS, REPORT_EVENTS_TABLE_ACTIONS } from "./Alerts";
import { API_SUBSCRIPTION_GRANTS } from "./api-grants";
import { createTestApp, templateOf } from "./test-app";

let t: Template;
let api: Template;

beforeAll(async () => {
  const app = await createTestApp();
  await config.stacks(app);
  t = templateOf(app, "Alerts");
  api = templateOf(app, "Api");
});

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** The logical id of the one function whose id starts with `prefix` (handlers are placeholders before finish()). */
function functionId(prefix: string): string {
  const ids = Object.keys(t.findResources("AWS::Lambda::Function")).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0] as string;
}

/** Every statement granted to a function's role. */
function grants(template: Template, fnId: string): Statement[] {
  const role = template.toJSON().Resources[fnId].Properties.Role["Fn::GetAtt"][0];
  return Object.values(template.findResources("AWS::IAM::Policy"))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
const actions = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat()).sort();
const importOf = (stack: string, text: string) => (s: Statement) =>
  JSON.stringify(s.Resource).includes(`test-lapora-${stack}:`) && JSON.stringify(s.Resource).includes(text);

describe("Alerts stack: report-events on the table stream", () => {
  it("reads the table's stream from the start, only alerting items (no held report), with partial failures", () => {
    t.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: functionId("reportEvents") },
      EventSourceArn: { "Fn::ImportValue": Match.stringLikeRegexp("test-lapora-Storage:.*StreamArn") },
      StartingPosition: "TRIM_HORIZON",
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(STREAM_FILTER) }] },
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      BisectBatchOnFunctionError: true,
    });
    expect(JSON.parse(JSON.stringify(STREAM_FILTER))).toEqual({
      eventName: ["INSERT"],
      dynamodb: {
        NewImage: {
          __edb_e__: { S: ["report", "escalation", "release", "heldSummary"] },
          // A report held in quarantine never invokes report-events.
          heldReason: { S: [{ exists: false }] },
        },
      },
    });
  });

  it("retries until a record is two hours old, then puts it on an encrypted failure queue that raises an alarm", () => {
    const queues = t.findResources("AWS::SQS::Queue");
    const [queueId, queue] =
      Object.entries(queues).find(([id]) => id.startsWith("reportEventsFailures")) ?? [];
    expect(queue?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1_209_600,
    });
    t.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      MaximumRetryAttempts: 10_000,
      MaximumRecordAgeInSeconds: 7200,
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [queueId, "Arn"] } } },
    });
    t.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/SQS",
      MetricName: "ApproximateNumberOfMessagesVisible",
      Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queueId, "QueueName"] } }],
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      AlarmActions: [{ Ref: Match.stringLikeRegexp("^alertAlarmsTopic") }],
    });
    t.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/Lambda",
      MetricName: "IteratorAge",
      Dimensions: [{ Name: "FunctionName", Value: { Ref: functionId("reportEvents") } }],
    });
  });

  it("gives the SMS settings and the console link to the function", () => {
    t.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectLike({
          SMS_SENDER_ID: "LAPORAUJI",
          SMS_MAX_PRICE_USD: "0.50",
          CONSOLE_URL: Match.anyValue(),
          ALERTS_TOPIC_ARN: { "Fn::ImportValue": Match.stringLikeRegexp("test-lapora-Messaging:") },
          ALERT_LEASE_SECONDS: "60",
        }),
      },
      Timeout: 30,
    });
  });

  it("may publish to the alerts topic, keep its markers and read the stream, nothing more", () => {
    const statements = grants(t, functionId("reportEvents"));
    const own = statements.filter(
      (s) => !actions([s]).some((a) => a.startsWith("xray:") || a.startsWith("sqs:")),
    );
    expect(actions(own)).toEqual(
      [
        ...REPORT_EVENTS_TABLE_ACTIONS,
        "dynamodb:DescribeStream",
        "dynamodb:GetRecords",
        "dynamodb:GetShardIterator",
        "dynamodb:ListStreams",
        "sns:Publish",
      ].sort(),
    );
    expect(statements.find((s) => actions([s]).includes("sns:Publish"))?.Resource).toEqual({
      "Fn::ImportValue": expect.stringMatching(/^test-lapora-Messaging:.*alertsTopic/),
    });
    const markers = statements.find((s) => actions([s]).includes("dynamodb:PutItem"));
    expect(markers && importOf("Storage", "Arn")(markers)).toBe(true);
    expect(JSON.stringify(markers?.Resource)).not.toContain("/index/");
  });
});

describe("Alerts stack: escalation", () => {
  it("runs every minute", () => {
    t.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 minute)",
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [functionId("escalationJob"), "Arn"] } })],
    });
    t.hasResourceProperties("AWS::Lambda::Function", {
      Environment: { Variables: Match.objectLike({ ESCALATION_MINUTES: "15" }) },
    });
  });

  it("may only query the open-reports index, the quarantine and the table, and write escalations and summaries", () => {
    const statements = grants(t, functionId("escalationJob")).filter(
      (s) => !actions([s])[0]?.startsWith("xray:"),
    );
    expect([...new Set(actions(statements))]).toEqual([...ESCALATION_TABLE_ACTIONS].sort());
    const resources = JSON.stringify(statements.map((s) => s.Resource));
    expect(resources).toContain("/index/gsi4");
    expect(resources).not.toMatch(/index\/gsi[12]|index\/\*/);
    // gsi3 holds the roster too: the job may read only the quarantine's partition of it.
    const onGsi3 = statements.filter((s) => JSON.stringify(s.Resource).includes("/index/gsi3"));
    expect(onGsi3).toEqual([
      expect.objectContaining({
        Action: "dynamodb:Query",
        Condition: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["quarantine"] } },
      }),
    ]);
  });
});

describe("Api stack: officers' SMS subscriptions", () => {
  it("lets the officer function subscribe SMS endpoints on the alerts topic only, and manage subscriptions", () => {
    const fnId = Object.entries(api.findResources("AWS::Lambda::Function")).find(([id]) =>
      id.startsWith("apiOfficer"),
    )?.[0];
    const statements = grants(api, fnId ?? "");
    const topic = statements.find((s) => actions([s]).includes("sns:Subscribe"));
    expect(actions(topic ? [topic] : [])).toEqual([...API_SUBSCRIPTION_GRANTS.topic].sort());
    expect(topic?.Resource).toEqual({
      "Fn::ImportValue": expect.stringMatching(/^test-lapora-Messaging:.*alertsTopic/),
    });
    expect(topic?.Condition).toEqual({ StringEqualsIfExists: { "sns:Protocol": "sms" } });
    const subscriptions = statements.find((s) => actions([s]).includes("sns:Unsubscribe"));
    expect(actions(subscriptions ? [subscriptions] : [])).toEqual([
      "sns:SetSubscriptionAttributes",
      "sns:Unsubscribe",
    ]);
    expect(actions(statements).filter((a) => a.startsWith("sns:"))).toHaveLength(4);
    const publicId = Object.keys(api.findResources("AWS::Lambda::Function")).find((id) =>
      id.startsWith("apiPublic"),
    );
    const publicActions = actions(grants(api, publicId ?? ""));
    expect(publicActions.length).toBeGreaterThan(0);
    expect(publicActions.filter((a) => a.startsWith("sns:"))).toEqual([]);
    api.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectLike({
          ALERTS_TOPIC_ARN: { "Fn::ImportValue": Match.stringLikeRegexp("Messaging") },
        }),
      },
    });
  });
});

describe("Alerts stack: the SMS cap", () => {
  const alarmsOn = (template: Template, metric: string) =>
    Object.values(template.findResources("AWS::CloudWatch::Alarm"))
      .map((a) => a.Properties)
      .filter((p) => p.MetricName === metric);

  it("raises an alarm on the alarm topic when an SMS to an officer fails", () => {
    const [failed, ...more] = alarmsOn(t, "NumberOfNotificationsFailed");
    expect(more).toEqual([]);
    expect(failed).toMatchObject({
      Namespace: "AWS/SNS",
      Statistic: "Sum",
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      TreatMissingData: "notBreaching",
      AlarmActions: [{ Ref: expect.stringMatching(/^alertAlarmsTopic/) }],
    });
    expect(failed.Dimensions).toEqual([
      {
        Name: "TopicName",
        Value: {
          "Fn::ImportValue": expect.stringMatching(/^test-lapora-Messaging:.*alertsTopic.*TopicName/),
        },
      },
    ]);
  });

  it("warns at 50% and 80% of the stage's monthly cap, on the account's month-to-date spend", async () => {
    const spend = (template: Template) => alarmsOn(template, "SMSMonthToDateSpentUSD");
    for (const alarm of spend(t)) {
      expect(alarm).toMatchObject({
        Namespace: "AWS/SNS",
        Statistic: "Maximum",
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        AlarmActions: [{ Ref: expect.stringMatching(/^alertAlarmsTopic/) }],
      });
      expect(alarm.Dimensions).toBeUndefined();
    }
    // 5 USD outside prod, 100 USD in prod (stacks/sms-settings.ts).
    expect(spend(t).map((a) => a.Threshold)).toEqual([2.5, 4]);
    const prod = await createTestApp({ stage: "prod" });
    await config.stacks(prod);
    expect(spend(templateOf(prod, "Alerts")).map((a) => a.Threshold)).toEqual([50, 80]);
  });
});
