/**
 * The names `npm run ops` looks resources up by (scripts/ops/resources.ts) against the stacks themselves:
 * the prod stage is synthesized here without AWS (as the stack tests do), and each resource the tools use
 * must be the one of its type whose logical id starts with its prefix, in the stack named as SST names it.
 * A construct renamed in stacks/ fails this test rather than an operator's replay at night.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { lookup, RESOURCES, type ResourceName, type StackReader } from "../../../scripts/ops/resources";

let reader: StackReader;
let stackNames: string[];

beforeAll(async () => {
  process.env.SST_TELEMETRY_DISABLED = "1";
  const [{ default: config }, { createTestApp, templateOf }, cdk] = await Promise.all([
    import("../../../sst.config"),
    import("../../../stacks/test-app"),
    import("aws-cdk-lib"),
  ]);
  const app = await createTestApp({ stage: "prod" });
  await config.stacks(app);
  stackNames = app.node.children.filter((c) => cdk.Stack.isStack(c)).map((s) => s.node.id);
  const prefix = `${app.stage}-${app.name}-`;
  reader = {
    async resources(name) {
      if (!stackNames.includes(name)) throw new Error(`Stack with id ${name} does not exist`);
      const resources = templateOf(app, name.slice(prefix.length)).toJSON().Resources as Record<
        string,
        { Type: string }
      >;
      return Object.entries(resources).map(([logicalId, r]) => ({
        logicalId,
        type: r.Type,
        physicalId: `physical-${logicalId}`,
      }));
    },
  };
}, 180_000);

describe("the ops tools' resource lookup, against the synthesized prod stacks", () => {
  it("finds exactly one of each resource the tools use, in the stack it names", async () => {
    const names = Object.keys(RESOURCES) as ResourceName[];
    const found = await lookup(reader, "prod", names);
    for (const name of names)
      expect(found[name], name).toMatch(new RegExp(`^physical-${RESOURCES[name].prefix}`));
    expect(stackNames).toEqual(
      expect.arrayContaining(["prod-lapora-Alerts", "prod-lapora-Evidence", "prod-lapora-Jobs"]),
    );
  });
});
