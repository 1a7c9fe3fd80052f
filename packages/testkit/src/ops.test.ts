/**
 * `npm run ops` (scripts/ops.ts): its command line, the job commands' payloads, and how it finds a
 * stage's resources. No Lambda emulator exists here, so a stand-in LambdaClient records what the tool
 * would send to AWS and answers as Lambda does; the replays run against the real emulators
 * (ops-replay-*.int.test.ts).
 */
import type { InvokeCommand } from "@aws-sdk/client-lambda";
import { describe, expect, it } from "vitest";
import { parseOpsArgs } from "../../../scripts/ops/args";
import { FunctionFailed, type LambdaLike, lambdaInvoke } from "../../../scripts/ops/invoke";
import { runJob } from "../../../scripts/ops/jobs";
import { checkSince } from "../../../scripts/ops/replay-alerts";
import { lookup, type StackReader } from "../../../scripts/ops/resources";

/** A LambdaClient that keeps each Invoke's input and answers `answer` (or fails as a function does). */
function standInLambda(answer: unknown, functionError?: string) {
  const sent: InvokeCommand["input"][] = [];
  const client: LambdaLike = {
    async send(command) {
      sent.push(command.input);
      return {
        StatusCode: 200,
        ...(functionError ? { FunctionError: functionError } : {}),
        Payload: new TextEncoder().encode(JSON.stringify(answer)),
      };
    },
  };
  return { client, sent };
}
const payloadOf = (input: InvokeCommand["input"] | undefined) =>
  JSON.parse(new TextDecoder().decode(input?.Payload as Uint8Array));

describe("npm run ops -- weekly-stats", () => {
  it("invokes the stage's weekly-stats function with { week } and prints its answer", async () => {
    const args = parseOpsArgs(["weekly-stats", "--week", "2026-W47", "--stage", "prod"]);
    expect(args).toEqual({
      command: "weekly-stats",
      stage: "prod",
      region: "ap-southeast-3",
      event: { week: "2026-W47" },
    });
    const lambda = standInLambda({ week: "2026-W47", total: 42 });
    const printed = await runJob(lambdaInvoke(lambda.client), "prod-lapora-Jobs-weeklyStatsJobAB12", {
      week: "2026-W47",
    });
    expect(lambda.sent).toHaveLength(1);
    expect(lambda.sent[0]).toMatchObject({
      FunctionName: "prod-lapora-Jobs-weeklyStatsJobAB12",
      InvocationType: "RequestResponse",
    });
    expect(payloadOf(lambda.sent[0])).toEqual({ week: "2026-W47" });
    expect(JSON.parse(printed)).toEqual({ week: "2026-W47", total: 42 });
  });

  it("refuses a week that is not an ISO week, and a missing stage, before calling AWS", () => {
    for (const week of ["2026-47", "2026-W54", "minggu lalu"])
      expect(() => parseOpsArgs(["weekly-stats", "--week", week, "--stage", "prod"])).toThrow(/ISO week/);
    expect(() => parseOpsArgs(["weekly-stats", "--stage", "prod"])).toThrow(/--week/);
    expect(() => parseOpsArgs(["weekly-stats", "--week", "2026-W47"])).toThrow(/--stage/);
    expect(() => parseOpsArgs(["weekly-stats", "--week", "2026-W47", "--stage", "prod; rm"])).toThrow(
      /--stage/,
    );
  });

  it("says what the function's error was, when the job fails", async () => {
    const lambda = standInLambda(
      { errorType: "ResourceNotFoundException", errorMessage: "table gone" },
      "Unhandled",
    );
    const run = runJob(lambdaInvoke(lambda.client), "fn", { week: "2026-W47" });
    await expect(run).rejects.toBeInstanceOf(FunctionFailed);
    await expect(run).rejects.toThrow("fn failed: ResourceNotFoundException: table gone");
  });
});

describe("the command line", () => {
  it("takes the region from --region, then AWS_REGION, then Jakarta", () => {
    expect(parseOpsArgs(["resources", "--stage", "uji"]).region).toBe("ap-southeast-3");
    expect(parseOpsArgs(["resources", "--stage", "uji"], { AWS_REGION: "ap-southeast-1" }).region).toBe(
      "ap-southeast-1",
    );
    expect(parseOpsArgs(["resources", "--stage", "uji", "--region", "us-east-1"], {}).region).toBe(
      "us-east-1",
    );
  });

  it("refuses unknown commands, options another command takes, and unknown options", () => {
    expect(() => parseOpsArgs(["replay"])).toThrow(/no command "replay"/);
    expect(() => parseOpsArgs([])).toThrow(/Name a command/);
    expect(() => parseOpsArgs(["replay-evidence", "--stage", "prod", "--since", "2026-01-01"])).toThrow(
      /takes no --since/,
    );
    expect(() => parseOpsArgs(["replay-alerts", "--stage", "prod", "--force"])).toThrow();
  });

  it("reads replay-alerts, replay-evidence and contact-retention options", () => {
    expect(
      parseOpsArgs(["replay-alerts", "--stage", "prod", "--since", "2026-12-01T08:00:00+07:00"]),
    ).toEqual({
      command: "replay-alerts",
      stage: "prod",
      region: "ap-southeast-3",
      since: "2026-12-01T08:00:00+07:00",
      dryRun: false,
    });
    expect(parseOpsArgs(["replay-evidence", "--stage", "prod", "--discard-gone", "--dry-run"])).toMatchObject(
      {
        discardGone: true,
        dryRun: true,
      },
    );
    expect(
      parseOpsArgs(["contact-retention", "--stage", "prod", "--time", "2026-12-01T02:00:00+07:00"]),
    ).toMatchObject({ event: { time: "2026-11-30T19:00:00.000Z" } });
    expect(parseOpsArgs(["contact-retention", "--stage", "prod"])).toMatchObject({ event: {} });
  });

  it("copy-table needs both tables, and creates a target only on DynamoDB Local", () => {
    expect(parseOpsArgs(["copy-table", "--from", "a", "--to", "b"])).toMatchObject({
      from: "a",
      to: "b",
      statePath: ".lapora/ops/copy-a-to-b.json",
      pageSize: 500,
      missingOnly: false,
      createTarget: false,
    });
    expect(parseOpsArgs(["copy-table", "--from", "a", "--to", "b", "--missing-only"])).toMatchObject({
      missingOnly: true,
    });
    expect(() => parseOpsArgs(["copy-table", "--from", "a"])).toThrow(/--to/);
    expect(() => parseOpsArgs(["copy-table", "--from", "a", "--to", "b", "--create-target"])).toThrow(
      /DynamoDB Local/,
    );
    expect(() => parseOpsArgs(["copy-table", "--from", "a", "--to", "b", "--page-size", "0"])).toThrow(
      /page-size/,
    );
  });

  it("keeps --since within the life of the sent markers, so a replay never sends twice", () => {
    const now = new Date("2026-12-10T00:00:00Z");
    expect(checkSince("2026-12-09T07:00:00+07:00", now)).toBe("2026-12-09T00:00:00.000Z");
    expect(() => checkSince("2026-11-01T00:00:00Z", now)).toThrow(/30 days/);
    expect(() => checkSince("2026-12-11T00:00:00Z", now)).toThrow(/future/);
    expect(() => checkSince("kemarin", now)).toThrow(/ISO time/);
  });
});

describe("finding a stage's resources", () => {
  const reader = (stacks: Record<string, { logicalId: string; type: string }[]>): StackReader => ({
    async resources(name) {
      const found = stacks[name];
      if (!found) throw new Error(`Stack with id ${name} does not exist`);
      return found.map((r) => ({ ...r, physicalId: `${name}/${r.logicalId}` }));
    },
  });

  it("takes the one resource of the type whose logical id starts with the construct's id", async () => {
    const r = reader({
      "prod-lapora-Alerts": [
        { logicalId: "reportEventsServiceRoleA1", type: "AWS::IAM::Role" },
        { logicalId: "reportEventsB2", type: "AWS::Lambda::Function" },
        { logicalId: "reportEventsFailuresC3", type: "AWS::SQS::Queue" },
      ],
    });
    expect(await lookup(r, "prod", ["reportEvents", "reportEventsFailures"])).toEqual({
      reportEvents: "prod-lapora-Alerts/reportEventsB2",
      reportEventsFailures: "prod-lapora-Alerts/reportEventsFailuresC3",
    });
  });

  it("fails naming the stack when there is none, or more than one", async () => {
    const r = reader({
      "prod-lapora-Jobs": [
        { logicalId: "weeklyStatsJobA", type: "AWS::Lambda::Function" },
        { logicalId: "weeklyStatsJobB", type: "AWS::Lambda::Function" },
      ],
    });
    await expect(lookup(r, "prod", ["weeklyStats"])).rejects.toThrow(/prod-lapora-Jobs has 2/);
    await expect(lookup(r, "prod", ["contactRetention"])).rejects.toThrow(/prod-lapora-Jobs has 0/);
    await expect(lookup(r, "uji", ["weeklyStats"])).rejects.toThrow(/uji-lapora-Jobs/);
  });
});
