import { Match, type Template } from "aws-cdk-lib/assertions";
import { type App, Function as LambdaFunction } from "sst/constructs";
import { beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config";
import { API_EVIDENCE_GRANTS } from "./api-grants";
import { DISPLAY_ACTIONS, EVIDENCE_TABLE_ACTIONS, ORIGINAL_ACTIONS, PROD_RETENTION_DAYS } from "./Evidence";
import { createTestApp, functionIdOf, grantsOf, templateOf } from "./test-app";

let t: Template;
let app: App;

beforeAll(async () => {
  app = await createTestApp();
  await config.stacks(app);
  t = templateOf(app, "Evidence");
});

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

// Without app.finish() (which would build the whole site too) SST leaves a placeholder handler: find the
// function by its construct id.
function onlyFunction(template: Template) {
  const fns = template.findResources("AWS::Lambda::Function");
  const entries = Object.entries(fns).filter(([id]) => id.startsWith("evidenceUploaded"));
  expect(entries).toHaveLength(1);
  const [id, fn] = entries[0] ?? [];
  return { id: id as string, props: fn?.Properties };
}

function roleStatements(roleId: string): Statement[] {
  return Object.values(t.findResources("AWS::IAM::Policy"))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

const resourceText = (s: Statement) => JSON.stringify(s.Resource);

describe("Evidence stack: evidence-uploaded", () => {
  it("is invoked by the bucket for objects created under evidence/ only (display copies do not loop)", () => {
    const { id } = onlyFunction(t);
    t.hasResourceProperties("Custom::S3BucketNotifications", {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ["s3:ObjectCreated:*"],
            Filter: { Key: { FilterRules: [{ Name: "prefix", Value: "evidence/" }] } },
            LambdaFunctionArn: { "Fn::GetAtt": [id, "Arn"] },
          },
        ],
      },
      BucketName: Match.anyValue(),
    });
    t.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "s3.amazonaws.com",
      FunctionName: { "Fn::GetAtt": [id, "Arn"] },
    });
  });

  it("runs on arm64 with the sharp layer, sharp left out of the bundle", () => {
    const { props } = onlyFunction(t);
    expect(props.Architectures).toEqual(["arm64"]);
    expect(props.Runtime).toBe("nodejs22.x");
    expect(props.Layers).toHaveLength(1);
    t.hasResourceProperties("AWS::Lambda::LayerVersion", {
      CompatibleArchitectures: ["arm64"],
      CompatibleRuntimes: ["nodejs22.x"],
      Description: Match.stringLikeRegexp("^sharp .* for linux-arm64$"),
    });
    expect(props.Environment.Variables).toMatchObject({
      TABLE_NAME: { "Fn::ImportValue": expect.stringMatching(/Storage:ExportsOutputReftable/) },
      EVIDENCE_BUCKET: { "Fn::ImportValue": expect.stringMatching(/Storage:ExportsOutputRefevidence/) },
      EVIDENCE_RETENTION_DAYS: "0",
    });
    // SST v2 would otherwise npm-install its own pinned sharp (0.32, which downloads libvips) into the bundle.
    const construct = app.node
      .findAll()
      .find((c) => c instanceof LambdaFunction && c.node.id === "evidenceUploaded");
    const nodejs = (construct as unknown as { props: { nodejs: { esbuild: { external: string[] } } } }).props
      .nodejs;
    expect(nodejs.esbuild.external).toEqual(expect.arrayContaining(["@aws-sdk/*", "sharp"]));
  });

  it("may only read, refuse, retag and lock originals, write display copies, and touch the table", () => {
    const { props } = onlyFunction(t);
    const roleId = props.Role["Fn::GetAtt"][0];
    const statements = roleStatements(roleId).filter((s) =>
      [s.Action].flat().some((a) => /^(s3|dynamodb):/.test(a)),
    );
    const originals = statements.find((s) => resourceText(s).includes("/evidence/*"));
    const display = statements.find((s) => resourceText(s).includes("/display/*"));
    const table = statements.find((s) => [s.Action].flat().some((a) => a.startsWith("dynamodb:")));
    expect([originals?.Action].flat().sort()).toEqual([...ORIGINAL_ACTIONS].sort());
    expect([display?.Action].flat()).toEqual(DISPLAY_ACTIONS);
    expect([table?.Action].flat().sort()).toEqual([...EVIDENCE_TABLE_ACTIONS].sort());
    expect(statements).toHaveLength(3);
    // Never the lock's bypass, never a bucket-wide grant.
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions).not.toContain("s3:BypassGovernanceRetention");
    for (const s of statements.filter((x) => resourceText(x).includes("s3"))) {
      expect(resourceText(s)).toMatch(/\/(evidence|display)\/\*/);
    }
  });

  it("keeps events that failed three times on an encrypted queue", () => {
    const { id } = onlyFunction(t);
    t.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: id },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    t.hasResourceProperties("AWS::SQS::Queue", { SqsManagedSseEnabled: true });
  });
});

describe("Evidence stack: CORS of the evidence bucket", () => {
  it("allows POST from the site's origin, and nothing else", () => {
    const resources = Object.values(t.findResources("Custom::AWS"));
    expect(resources).toHaveLength(1);
    const create = JSON.stringify(resources[0]?.Properties.Create);
    expect(create).toContain("putBucketCors");
    expect(create).toContain('\\"AllowedMethods\\":[\\"POST\\"]');
    // The origin is the site's CloudFront domain, from the Web stack.
    expect(create).toMatch(
      /AllowedOrigins.{0,20}https:\/\/.{0,10}Fn::ImportValue.{0,10}test-lapora-Web:ExportsOutput\w*Distribution\w*DomainName/,
    );
    expect(create).not.toContain("*");
  });

  it("lets the custom resource change CORS on that bucket only", () => {
    const statements = Object.values(t.findResources("AWS::IAM::Policy"))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => [s.Action].flat().includes("s3:PutBucketCORS"));
    expect(statements).toHaveLength(1);
    expect(resourceText(statements[0] as Statement)).toMatch(/ExportsOutput.*evidence.*Arn/);
  });
});

describe("Api stack: what the api functions may do in the evidence bucket", () => {
  const onEvidence = (fn: string) => {
    const api = templateOf(app, "Api");
    return grantsOf(api, functionIdOf(api, fn)).filter((s) =>
      /ExportsOutput\w*evidence/.test(resourceText(s)),
    );
  };

  it("officers: links to display copies and originals, and upload forms, nothing bucket-wide", () => {
    const statements = onEvidence("apiOfficer");
    const on = (prefix: string) => statements.find((s) => resourceText(s).includes(`/${prefix}/*`));
    expect([on("evidence")?.Action].flat().sort()).toEqual([...API_EVIDENCE_GRANTS.originals].sort());
    expect([on("display")?.Action].flat()).toEqual(API_EVIDENCE_GRANTS.display);
    expect(statements).toHaveLength(2);
    expect(statements.flatMap((s) => [s.Action].flat())).not.toContain("s3:DeleteObject");
  });

  it("the public door: upload forms for originals only, never a read", () => {
    const statements = onEvidence("apiPublic");
    expect(statements).toHaveLength(1);
    expect(resourceText(statements[0] as Statement)).toContain("/evidence/*");
    expect([statements[0]?.Action].flat().sort()).toEqual(["s3:PutObject", "s3:PutObjectTagging"]);
  });
});

describe("Evidence stack in prod", () => {
  it("locks each accepted original for five years", async () => {
    const app = await createTestApp({ stage: "prod" });
    await config.stacks(app);
    const prod = templateOf(app, "Evidence");
    const { props } = onlyFunction(prod);
    expect(props.Environment.Variables.EVIDENCE_RETENTION_DAYS).toBe(String(PROD_RETENTION_DAYS));
  });
});
