/**
 * `npm run ops -- <command>`: the operator's tools the runbooks in docs/operations.md call for. They use
 * the AWS credentials and region of the shell (AWS_PROFILE, AWS_REGION, or --region), find the stage's
 * resources through CloudFormation (scripts/ops/resources.ts), and print counts, never a reporter's data.
 * `npm run ops` alone prints the commands.
 */
import { ensureTable } from "@lapora/core/dynamo";
import { createDynamoClients } from "./ops/alert-records";
import { type OpsCommand, parseOpsArgs, USAGE } from "./ops/args";
import { copyTable, describeCopy } from "./ops/copy-table";
import { createLambdaClient, lambdaInvoke } from "./ops/invoke";
import { runJob } from "./ops/jobs";
import { createSqsClient } from "./ops/queue";
import { describeAlertsRun, replayAlerts } from "./ops/replay-alerts";
import { describeEvidenceRun, replayEvidence } from "./ops/replay-evidence";
import { cloudFormationReader, createCloudFormationClient, lookup, RESOURCES } from "./ops/resources";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

if (["", "help", "--help", "-h"].includes(process.argv[2] ?? "")) {
  console.log(USAGE);
  process.exit(0);
}
let args: OpsCommand;
try {
  args = parseOpsArgs(process.argv.slice(2), process.env);
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const log = (line: string) => console.error(line);

async function main(a: OpsCommand): Promise<number> {
  if (a.command === "copy-table") {
    const { dynamo } = createDynamoClients({
      region: a.region,
      ...(a.endpoint ? { endpoint: a.endpoint } : {}),
    });
    if (a.endpoint && a.createTarget) await ensureTable(a.endpoint, a.to);
    const result = await copyTable(dynamo, {
      from: a.from,
      to: a.to,
      statePath: a.statePath,
      pageSize: a.pageSize,
      missingOnly: a.missingOnly,
    });
    console.log(describeCopy(result));
    return result.complete ? 0 : 1;
  }

  const reader = cloudFormationReader(createCloudFormationClient(a.region));
  const invoke = lambdaInvoke(createLambdaClient(a.region));
  switch (a.command) {
    case "resources": {
      const names = Object.keys(RESOURCES) as (keyof typeof RESOURCES)[];
      const found = await lookup(reader, a.stage, names);
      for (const name of names) console.log(`${name.padEnd(26)} ${found[name]}`);
      return 0;
    }
    case "replay-alerts": {
      const r = await lookup(reader, a.stage, ["reportEventsFailures", "reportEvents", "table"]);
      const { dynamo, streams } = createDynamoClients({ region: a.region });
      const run = await replayAlerts(
        {
          sqs: createSqsClient({ region: a.region }),
          queueUrl: r.reportEventsFailures,
          streams,
          dynamo,
          table: r.table,
          reportEvents: (event) => invoke(r.reportEvents, event),
          log,
        },
        { ...(a.since ? { since: a.since } : {}), dryRun: a.dryRun },
      );
      console.log(describeAlertsRun(run, a.dryRun));
      return run.queue.kept > 0 && !a.dryRun ? 1 : 0;
    }
    case "replay-evidence": {
      const r = await lookup(reader, a.stage, ["evidenceUploadedFailures", "evidenceUploaded"]);
      const run = await replayEvidence(
        {
          sqs: createSqsClient({ region: a.region }),
          queueUrl: r.evidenceUploadedFailures,
          evidenceUploaded: (event) => invoke(r.evidenceUploaded, event),
          log,
        },
        { discardGone: a.discardGone, dryRun: a.dryRun },
      );
      console.log(describeEvidenceRun(run, a.dryRun));
      return run.queue.kept > 0 && !a.dryRun ? 1 : 0;
    }
    case "weekly-stats": {
      const { weeklyStats } = await lookup(reader, a.stage, ["weeklyStats"]);
      console.log(await runJob(invoke, weeklyStats, a.event));
      return 0;
    }
    case "contact-retention": {
      const { contactRetention } = await lookup(reader, a.stage, ["contactRetention"]);
      console.log(await runJob(invoke, contactRetention, a.event));
      return 0;
    }
  }
}

try {
  process.exit(await main(args));
} catch (err) {
  console.error(`ops ${args.command}: ${(err as Error).message}`);
  process.exit(1);
}
