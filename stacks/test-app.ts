import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { App } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";

/**
 * SST writes under the project's `.sst/` as if one process were using it: each app empties `.sst/types`
 * and appends its constructs' types there, and each function build empties its directory in
 * `.sst/artifacts` before writing it. Test files run in parallel processes (and `npm run cost`
 * synthesizes in one of its own), so one process's emptying can pull a directory from under another's
 * write (ENOENT). Every process gets directories of its own.
 */
const scratch = mkdtempSync(join(tmpdir(), "lapora-sst-"));
process.once("exit", () => rmSync(scratch, { recursive: true, force: true }));
(App.prototype as unknown as { useTypesPath(): string }).useTypesPath = () => join(scratch, "types");

/**
 * A fresh SST app for stack tests, set up the way `sst deploy` sets one up, minus AWS.
 * `app.finish()` then builds the functions for real (esbuild, on this machine) and skips
 * everything that needs an account, because SST checks NODE_ENV=test (vitest sets it).
 * `stage` overrides the app's stage (the project itself stays on "test"), e.g. to check prod settings;
 * `region` the app's region, as `sst deploy --region` does (the Edge app, in us-east-1).
 */
export async function createTestApp(options: { stage?: string; region?: string } = {}): Promise<App> {
  if (process.env.NODE_ENV !== "test") throw new Error("stack tests must run with NODE_ENV=test");
  // Building a function in deploy mode runs `npm install` for native packages (none here): keep it offline.
  process.env.npm_config_offline = "true";
  process.env.npm_config_audit = "false";
  process.env.npm_config_fund = "false";
  await initProject({ stage: "test" });
  const { config, paths } = useProject();
  paths.artifacts = join(scratch, "artifacts");
  const app = new App({
    mode: "deploy",
    stage: options.stage ?? config.stage,
    name: config.name,
    region: options.region ?? config.region,
    account: "123456789012",
  });
  // Templates, not asset contents, are under test: skip CDK asset bundling (the sharp layer's npm install).
  app.node.setContext("aws:cdk:bundling-stacks", []);
  return app;
}

/** The synthesized template of one stack of the app, by its short name ("Storage", "Api", ...). */
export function templateOf(app: App, stack: string): Template {
  const found = app.node.tryFindChild(`${app.stage}-${app.name}-${stack}`);
  if (!(found instanceof Stack)) throw new Error(`No stack ${stack} in app ${app.stage}-${app.name}`);
  return Template.fromStack(found);
}

export type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** The logical id of the one function whose id starts with `prefix` (e.g. "apiPublic"). */
export function functionIdOf(template: Template, prefix: string): string {
  const ids = Object.keys(template.findResources("AWS::Lambda::Function")).filter((id) =>
    id.startsWith(prefix),
  );
  if (ids.length !== 1) throw new Error(`${ids.length} functions start with ${prefix}`);
  return ids[0] as string;
}

/** Every statement of the IAM policies attached to a function's role. */
export function grantsOf(template: Template, fnId: string): Statement[] {
  const role = template.toJSON().Resources[fnId].Properties.Role["Fn::GetAtt"][0];
  return Object.values(template.findResources("AWS::IAM::Policy"))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

/** The template of a bucket that blocks every kind of public access (for toMatchObject and hasResourceProperties). */
export const PRIVATE_BUCKET = {
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  },
} as const;

/** ...and whose objects all belong to the bucket's owner, with ACLs off. */
export const OWNER_ENFORCED = {
  OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
} as const;
