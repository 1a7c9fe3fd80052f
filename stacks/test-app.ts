import { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { App } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";

/**
 * A fresh SST app for stack tests, set up the way `sst deploy` sets one up, minus AWS.
 * `app.finish()` then builds the functions for real (esbuild, on this machine) and skips
 * everything that needs an account, because SST checks NODE_ENV=test (vitest sets it).
 * `stage` overrides the app's stage (the project itself stays on "test"), e.g. to check prod settings.
 */
export async function createTestApp(options: { stage?: string } = {}): Promise<App> {
  if (process.env.NODE_ENV !== "test") throw new Error("stack tests must run with NODE_ENV=test");
  // Building a function in deploy mode runs `npm install` for native packages (none here): keep it offline.
  process.env.npm_config_offline = "true";
  process.env.npm_config_audit = "false";
  process.env.npm_config_fund = "false";
  await initProject({ stage: "test" });
  const { config } = useProject();
  const app = new App({
    mode: "deploy",
    stage: options.stage ?? config.stage,
    name: config.name,
    region: config.region,
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
