import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { CONTACT_RETENTION_SCHEDULE, RETENTION_PARTITIONS, WEEKLY_STATS_SCHEDULE } from "./Jobs";
import { createTestApp, functionIdOf, grantsOf, PRIVATE_BUCKET, templateOf } from "./test-app";

let t: Template;
let api: Template;

beforeAll(async () => {
  const app = await createTestApp();
  await config.stacks(app);
  t = templateOf(app, "Jobs");
  api = templateOf(app, "Api");
});

describe("Jobs stack: weekly statistics", () => {
  it("runs every Monday at 00:05 WIB, written in UTC as Sunday 17:05", () => {
    expect(WEEKLY_STATS_SCHEDULE).toBe("cron(5 17 ? * SUN *)");
    t.hasResourceProperties("AWS::Events::Rule", { ScheduleExpression: "cron(5 17 ? * SUN *)" });
    // 17:05 UTC + 7 h = 00:05 the next day: Sunday + 1 = Monday.
    const [, minute, hour, , , day] = /cron\((\d+) (\d+) (\S+) (\S+) (\S+)/.exec(WEEKLY_STATS_SCHEDULE) ?? [];
    expect([minute, (Number(hour) + 7) % 24, day]).toEqual(["5", 0, "SUN"]);
  });

  it("gives the job only what it needs: Query on the day index, PutItem, stats/* writes, one topic", () => {
    const own = grantsOf(t, functionIdOf(t, "weeklyStats"));
    const actions = own.flatMap((s) => [s.Action].flat());
    const mine = actions.filter((a) => /^(dynamodb|s3|sns):/.test(a)).sort();
    expect(mine).toEqual(["dynamodb:PutItem", "dynamodb:Query", "s3:PutObject", "sns:Publish"]);
    const json = JSON.stringify(own);
    expect(json).toContain("/index/gsi1");
    expect(json).toContain("/stats/*");
    expect(json).not.toMatch(/"(dynamodb|s3|sns):\*"/);
    expect(json).not.toContain("dynamodb:Scan");
  });

  it("keeps the open-data bucket private, encrypted and TLS-only", () => {
    t.hasResourceProperties("AWS::S3::Bucket", {
      ...PRIVATE_BUCKET,
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

describe("Jobs stack: contact retention", () => {
  const fn = () => functionIdOf(t, "contactRetention");

  it("runs every day at 02:00 WIB, written in UTC as 19:00", () => {
    t.hasResourceProperties("AWS::Events::Rule", { ScheduleExpression: CONTACT_RETENTION_SCHEDULE });
    const [, minute, hour] = /cron\((\d+) (\d+) /.exec(CONTACT_RETENTION_SCHEDULE) ?? [];
    expect([minute, (Number(hour) + 7) % 24]).toEqual(["0", 2]);
  });

  it("erases after RETENTION_DAYS, 90 unless LAPORA_RETENTION_DAYS says otherwise at deploy", () => {
    const props = t.toJSON().Resources[fn()].Properties;
    expect(props.Environment.Variables.RETENTION_DAYS).toBe("90");
  });

  it("may touch only reports, their audit trails and the list of erasures due, and never Scan", () => {
    const own = grantsOf(t, fn()).filter((s) => [s.Action].flat().some((a) => a.startsWith("dynamodb:")));
    expect(own.flatMap((s) => [s.Action].flat()).sort()).toEqual([
      "dynamodb:ConditionCheckItem",
      "dynamodb:DeleteItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
    ]);
    for (const s of own) {
      expect(s.Condition).toEqual({
        "ForAllValues:StringLike": { "dynamodb:LeadingKeys": RETENTION_PARTITIONS },
        Null: { "dynamodb:LeadingKeys": "false" },
      });
    }
    expect(JSON.stringify(own)).toContain("/index/gsi3");
    expect(JSON.stringify(own)).not.toMatch(/index\/(\*|gsi[124])/);
  });
});
