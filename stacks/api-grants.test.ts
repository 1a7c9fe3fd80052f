import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import {
  API_TABLE_ACTIONS,
  PUBLIC_AUDIT_PARTITIONS,
  PUBLIC_DENIED_PARTITIONS,
  PUBLIC_PARTITIONS,
} from "./api-grants";
import { createTestApp, functionIdOf, grantsOf, type Statement, templateOf } from "./test-app";

let t: Template;
let auth: Template;

beforeAll(async () => {
  const app = await createTestApp();
  await config.stacks(app);
  t = templateOf(app, "Api");
  auth = templateOf(app, "Auth");
});

const grants = (fn: string) => grantsOf(t, functionIdOf(t, fn));
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
const onService = (statements: Statement[], service: string) =>
  statements.filter((s) => actionsOf([s]).some((a) => a.startsWith(`${service}:`)));

/** Whether IAM's StringLike matches `value` against any of `patterns` (`*` any run, `?` one character). */
const like = (patterns: readonly string[], value: string) =>
  patterns.some((p) =>
    new RegExp(
      `^${p
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".")}$`,
    ).test(value),
  );

describe("Api stack: the public function's permissions", () => {
  it("may only read and write the partitions of intake, tracking, photos and statistics", () => {
    const [allow, deny, audit, ...more] = onService(grants("apiPublic"), "dynamodb");
    expect(more).toEqual([]);
    expect(allow?.Effect).toBe("Allow");
    expect(actionsOf([allow as Statement]).sort()).toEqual(
      API_TABLE_ACTIONS.filter((a) => !a.endsWith("DeleteItem")),
    );
    expect(allow?.Condition).toEqual({
      "ForAllValues:StringLike": { "dynamodb:LeadingKeys": PUBLIC_PARTITIONS },
      // ForAllValues alone would pass a request with no key at all.
      Null: { "dynamodb:LeadingKeys": "false" },
    });
    // The table, and of the indexes only gsi3 (the list of published weeks).
    const resources = JSON.stringify(allow?.Resource);
    expect(resources).toContain("/index/gsi3");
    expect(resources).not.toMatch(/index\/(\*|gsi[124])/);
    expect(deny).toMatchObject({
      Effect: "Deny",
      Condition: { "ForAnyValue:StringLike": { "dynamodb:LeadingKeys": PUBLIC_DENIED_PARTITIONS } },
    });
    // A reporter's message is audited with it: the function may add to a report's trail, never read one.
    expect(audit).toMatchObject({
      Effect: "Allow",
      Action: "dynamodb:PutItem",
      Condition: {
        "ForAllValues:StringLike": { "dynamodb:LeadingKeys": PUBLIC_AUDIT_PARTITIONS },
        Null: { "dynamodb:LeadingKeys": "false" },
      },
    });
    expect(JSON.stringify(audit?.Resource)).not.toContain("/index/");
    expect(like(PUBLIC_AUDIT_PARTITIONS, "$lapora#subject_report:01jd5x")).toBe(true);
    expect(like(PUBLIC_AUDIT_PARTITIONS, "$lapora#subject_officer:80010001")).toBe(false);
  });

  it("cannot reach the roster, sign-in attempts, audit trails, the queues or the alert markers", () => {
    // Keys from packages/core/src/db/README.md.
    for (const key of [
      "$lapora#reportid_01jd5x",
      "$lapora#trackingcode_lpr7k3mq9tz4hx2r",
      "$lapora#key_report:6f1c2a",
      "$lapora#counterkey_address#q2jz#492312",
      "$lapora#week_2026-w47",
      "weekly-stats",
      "$lapora#username_report:lpr-7k3m-q9tz-4hx2-r#q2jz", // wrong reporter secrets, per code and source
    ]) {
      expect(like(PUBLIC_PARTITIONS, key), key).toBe(true);
    }
    for (const key of [
      "$lapora#nrp_80010001", // an officer, and their SMS subscription
      "officers", // gsi3: the roster
      "$lapora#username_80010001", // failed sign-ins
      "$lapora#subject_officer:80010001", // audit trails
      "$lapora#subject_report:01jd5x",
      "reports", // gsi3: every report, newest first
      "open-reports", // gsi4
      "$lapora#kecamatan_16.06.01", // gsi2
      "$lapora#key_officer:x", // idempotency of anything but a report
      "quarantine", // gsi3: SPKT's list of held reports
      "$lapora#releaseof_01jd5x", // a release from quarantine: it alerts
      "$lapora#summaryid_2026-12-02t10:00:00.000z", // a held-darurat summary: it alerts
      "$lapora#summaryof_darurat",
    ]) {
      expect(like(PUBLIC_PARTITIONS, key), key).toBe(false);
    }
    const marker = "$lapora#reportid_01jd5x#kind_baru";
    expect(like(PUBLIC_PARTITIONS, marker) && like(PUBLIC_DENIED_PARTITIONS, marker)).toBe(true);
    expect(like(PUBLIC_DENIED_PARTITIONS, "$lapora#reportid_01jd5x")).toBe(false);
  });

  it("has no Cognito, no SNS, and on S3 only upload forms and reading the open data", () => {
    const statements = grants("apiPublic");
    expect(onService(statements, "cognito-idp")).toEqual([]);
    expect(onService(statements, "sns")).toEqual([]);
    const s3 = onService(statements, "s3");
    expect(actionsOf(s3).sort()).toEqual(["s3:GetObject", "s3:PutObject", "s3:PutObjectTagging"]);
    const read = s3.find((s) => actionsOf([s]).includes("s3:GetObject"));
    expect(JSON.stringify(read?.Resource)).toMatch(/openData.*\/stats\/\*/);
  });
});

describe("Api stack: the officer function's permissions", () => {
  it("keeps the DynamoDB actions it uses, on the table and its indexes", () => {
    const dynamo = onService(grants("apiOfficer"), "dynamodb");
    expect(dynamo).toHaveLength(1);
    expect(actionsOf(dynamo).sort()).toEqual([
      "dynamodb:ConditionCheckItem",
      "dynamodb:DeleteItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]);
    expect(JSON.stringify(dynamo[0]?.Resource)).toContain("/index/*");
    expect(dynamo[0]?.Resource).toHaveLength(2);
  });

  it("may only AdminCreateUser/DisableUser/EnableUser, on the officers' pool only", () => {
    const [pool] = Object.keys(auth.findResources("AWS::Cognito::UserPool"));
    const cognito = onService(grants("apiOfficer"), "cognito-idp");
    expect(cognito).toHaveLength(1);
    expect(actionsOf(cognito).sort()).toEqual([
      "cognito-idp:AdminCreateUser",
      "cognito-idp:AdminDisableUser",
      "cognito-idp:AdminEnableUser",
    ]);
    expect(JSON.stringify(cognito[0]?.Resource)).toMatch(
      new RegExp(`test-lapora-Auth:ExportsOutputFnGetAtt${pool}Arn`),
    );
    // No other policy of the stack grants Cognito actions.
    const everywhere = Object.values(t.findResources("AWS::IAM::Policy"))
      .flatMap((p) => actionsOf(p.Properties.PolicyDocument.Statement as Statement[]))
      .filter((a) => a.startsWith("cognito-idp:"));
    expect(everywhere).toHaveLength(3);
  });

  it("grants no wildcard action in the Api stack", () => {
    const actions = Object.values(t.findResources("AWS::IAM::Policy")).flatMap((p) =>
      actionsOf(p.Properties.PolicyDocument.Statement as Statement[]),
    );
    expect(actions.length).toBeGreaterThan(0);
    for (const wildcard of ["*", "dynamodb:*", "s3:*", "sns:*", "sqs:*", "ssm:*", "secretsmanager:*"]) {
      expect(actions).not.toContain(wildcard);
    }
  });
});
