/**
 * Where the smoke test points: the site's URL, the stage's source-key secret (the test report's token is
 * made from it) and the table (the test report is deleted there, with the operator's AWS credentials).
 * After `npm run deploy`, .sst/outputs.json holds the stage's SiteUrl and SourceKeySecretName (stack
 * `<stage>-lapora-Web`); the secret is read through Parameter Store's reference to Secrets Manager.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Report } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import * as Dynamo from "@lapora/core/dynamo";
import type { ReportAccess, SmokeTarget } from "./checks";

export interface SmokeArgs {
  url?: string | undefined;
  stage: string;
  region: string;
  /** Default `<stage>-lapora-table`. */
  table?: string | undefined;
  /** The source-key secret's name in Secrets Manager; default from .sst/outputs.json. */
  secretName?: string | undefined;
  /** DynamoDB Local, for the local runtime. */
  dynamodbEndpoint?: string | undefined;
  /** The secret itself (LAPORA_SMOKE_SECRET): the local runtime's, which is in no Secrets Manager. */
  secret?: string | undefined;
}

/** The Web stack's outputs of the stage, as `sst deploy` left them on this machine. */
function webOutputs(stage: string): Record<string, string> {
  const file = resolve(import.meta.dirname, "../../.sst/outputs.json");
  if (!existsSync(file)) return {};
  const outputs = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, string>>;
  return outputs[`${stage}-lapora-Web`] ?? {};
}

async function secretOf(args: SmokeArgs, outputs: Record<string, string>): Promise<string> {
  if (args.secret) return args.secret;
  const name = args.secretName ?? outputs.SourceKeySecretName;
  if (!name)
    throw new Error(
      `the stage's secret is unknown: deploy ${args.stage} from this machine (.sst/outputs.json), or pass --secret-name`,
    );
  try {
    return await Aws.secureParameter(`/aws/reference/secretsmanager/${name}`, args.region)();
  } catch (err) {
    throw new Error(
      `could not read the secret ${name} with this shell's AWS credentials: ${(err as Error).message}`,
    );
  }
}

/** The target, or a sentence saying what is missing for the site itself. */
export async function resolveTarget(args: SmokeArgs): Promise<SmokeTarget> {
  const outputs = webOutputs(args.stage);
  const url = args.url ?? outputs.SiteUrl;
  if (!url)
    throw new Error(
      `No site to test: pass --url https://<id>.cloudfront.net (SiteUrl), or deploy ${args.stage} from this machine first.`,
    );
  if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`--url must be an http(s) address, not "${url}".`);
  let report: ReportAccess;
  try {
    const secret = await secretOf(args, outputs);
    const client = Aws.createDocumentClient({
      region: args.region,
      ...(args.dynamodbEndpoint ? { endpoint: args.dynamodbEndpoint } : {}),
    });
    report = {
      token: () => Report.smokeToken(secret),
      store: Dynamo.createDynamoTestReportStore(client, args.table ?? `${args.stage}-lapora-table`),
    };
  } catch (err) {
    report = { missing: (err as Error).message };
  }
  return { url, report };
}
