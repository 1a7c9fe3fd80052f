import { STREAM_FILTER } from "@lapora/core/infra";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import {
  ALERT_SENDER_GSI3_PARTITIONS,
  DIGEST_SCHEDULE,
  ESCALATION_TABLE_ACTIONS,
  FOLLOW_UP_SCHEDULE,
  REPORT_EVENTS_TABLE_ACTIONS,
} from "./Alerts";
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
          __edb_e__: { S: ["report", "escalation", "release", "heldSummary", "reopen"] },
          // A report held in quarantine never invokes report-events.
          heldReason: { S: [{ exists: false }] },
        },
      },
    });
  });

  // The failure queue's alarms, and the alerts' others, are on the one alarm topic: Operations.test.ts.
  it("retries until a record is two hours old, then puts it on an encrypted failure queue", () => {
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

  it("may publish to the alerts topic, keep its markers, read the roster and the VAPID key and the stream, nothing more", () => {
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
        "dynamodb:Query",
        "sns:Publish",
        "ssm:GetParameter",
      ].sort(),
    );
    // gsi3 holds every report by time too: only the roster and the follow-ups' partitions of it.
    const onGsi3 = own.filter((s) => JSON.stringify(s.Resource).includes("/index/gsi3"));
    expect(onGsi3).toEqual([
      expect.objectContaining({
        Action: "dynamodb:Query",
        Condition: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ALERT_SENDER_GSI3_PARTITIONS } },
      }),
    ]);
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
        Condition: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["quarantine", "officers"] } },
      }),
    ]);
  });
});

describe("Alerts stack: push", () => {
  const vapidParameters = (template: Template) =>
    Object.entries(template.toJSON().Parameters ?? {}).filter(([, p]) =>
      JSON.stringify(p).includes("/lapora/test/vapid/public-key"),
    );

  it("takes the VAPID public key from SSM at deploy and the private key from SSM at run time, never from code", () => {
    const [[paramId, param] = []] = vapidParameters(t);
    expect(param).toMatchObject({
      Type: "AWS::SSM::Parameter::Value<String>",
      Default: "/lapora/test/vapid/public-key",
    });
    t.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectLike({
          VAPID_PUBLIC_KEY: { Ref: paramId },
          VAPID_PRIVATE_KEY_PARAMETER: "/lapora/test/vapid/private-key",
          VAPID_SUBJECT: Match.stringLikeRegexp("^mailto:"),
        }),
      },
    });
    const getParameter = grants(t, functionId("reportEvents")).find((s) =>
      actions([s]).includes("ssm:GetParameter"),
    );
    expect(JSON.stringify(getParameter?.Resource)).toContain(":parameter/lapora/test/vapid/private-key");
    expect(JSON.stringify(getParameter?.Resource)).not.toContain("*");
    // No public key pasted into a template (an uncompressed P-256 point: 87 base64url characters from "B").
    for (const template of [t, api])
      expect(JSON.stringify(template.toJSON())).not.toMatch(/"B[A-Za-z0-9_-]{86}"/);
  });

  it("gives the public key to the officer API only, not to the public door", () => {
    const functions = Object.entries(api.findResources("AWS::Lambda::Function"));
    const env = (prefix: string) =>
      functions.find(([id]) => id.startsWith(prefix))?.[1].Properties.Environment.Variables ?? {};
    expect(env("apiOfficer").VAPID_PUBLIC_KEY).toEqual({ Ref: vapidParameters(api)[0]?.[0] });
    expect(env("apiPublic").VAPID_PUBLIC_KEY).toBe("");
  });

  it("runs the follow-up every minute and the digest daily at 07:00 WIB, one function with the senders' grants", () => {
    const id = functionId("alertFollowUp");
    t.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: FOLLOW_UP_SCHEDULE,
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [id, "Arn"] } })],
    });
    t.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: DIGEST_SCHEDULE,
      Targets: [
        Match.objectLike({ Arn: { "Fn::GetAtt": [id, "Arn"] }, Input: JSON.stringify({ task: "digest" }) }),
      ],
    });
    expect(DIGEST_SCHEDULE).toBe("cron(0 0 * * ? *)"); // 00:00 UTC is 07:00 WIB
    const own = grants(t, id).filter((s) => !actions([s])[0]?.startsWith("xray:"));
    expect([...new Set(actions(own))]).toEqual(
      [...REPORT_EVENTS_TABLE_ACTIONS, "sns:Publish", "ssm:GetParameter"].sort(),
    );
    const resources = JSON.stringify(own.map((s) => s.Resource));
    expect(resources).toContain("/index/gsi4");
    // Publish to a phone number (a reporter's update) has no resource but "*"; report-events never gets it.
    expect(own.some((s) => actions([s]).includes("sns:Publish") && s.Resource === "*")).toBe(true);
    const reportEvents = grants(t, functionId("reportEvents"));
    expect(reportEvents.some((s) => actions([s]).includes("sns:Publish") && s.Resource === "*")).toBe(false);
    expect(resources).not.toMatch(/index\/gsi[12]|index\/\*/);
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
