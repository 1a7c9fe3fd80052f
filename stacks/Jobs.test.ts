import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { WEEKLY_STATS_SCHEDULE } from "./Jobs";
import { createTestApp, functionIdOf, grantsOf, templateOf } from "./test-app";

let t: Template;
let api: Template;

beforeAll(async () => {
  const app = await createTestApp();
  await config.stacks(app);
  t = templateOf(app, "Jobs");
  api = templateOf(app, "Api");
});

/** The statements of every IAM policy in the template, flattened. */
function statements(template: Template): { Action: string | string[]; Resource: unknown }[] {
  return Object.values(template.findResources("AWS::IAM::Policy")).flatMap(
    (p) => p.Properties.PolicyDocument.Statement,
  );
}

describe("Jobs stack: weekly statistics", () => {
  it("runs every Monday at 00:05 WIB, written in UTC as Sunday 17:05", () => {
    expect(WEEKLY_STATS_SCHEDULE).toBe("cron(5 17 ? * SUN *)");
    t.hasResourceProperties("AWS::Events::Rule", { ScheduleExpression: "cron(5 17 ? * SUN *)" });
    // 17:05 UTC + 7 h = 00:05 the next day: Sunday + 1 = Monday.
    const [, minute, hour, , , day] = /cron\((\d+) (\d+) (\S+) (\S+) (\S+)/.exec(WEEKLY_STATS_SCHEDULE) ?? [];
    expect([minute, (Number(hour) + 7) % 24, day]).toEqual(["5", 0, "SUN"]);
  });

  it("gives the job only what it needs: Query on the day index, PutItem, stats/* writes, one topic", () => {
    const actions = statements(t).flatMap((s) => [s.Action].flat());
    const mine = actions.filter((a) => /^(dynamodb|s3|sns):/.test(a)).sort();
    expect(mine).toEqual(["dynamodb:PutItem", "dynamodb:Query", "s3:PutObject", "sns:Publish"]);
    const json = JSON.stringify(statements(t));
    expect(json).toContain("/index/gsi1");
    expect(json).toContain("/stats/*");
    expect(json).not.toMatch(/"(dynamodb|s3|sns):\*"/);
    expect(json).not.toContain("dynamodb:Scan");
  });

  it("keeps the open-data bucket private, encrypted and TLS-only", () => {
    t.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
    });
    t.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("lets each API function read the open-data files and nothing else in that bucket", () => {
    // The evidence bucket's grants are checked in stacks/Evidence.test.ts.
    for (const fn of ["apiPublic", "apiOfficer"]) {
      const s3 = grantsOf(api, functionIdOf(api, fn)).filter(
        (s) =>
          [s.Action].flat().some((a) => a.startsWith("s3:")) &&
          !JSON.stringify(s.Resource).includes("evidence"),
      );
      expect(s3.map((s) => s.Action)).toEqual(["s3:GetObject"]);
      expect(JSON.stringify(s3)).toContain("/stats/*");
    }
  });
});
