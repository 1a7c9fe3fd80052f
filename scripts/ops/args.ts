/** The command line of `npm run ops`: one command and its options, checked before anything runs. */
import { parseArgs as parseNodeArgs } from "node:util";
import { defaultStatePath } from "./copy-table";
import { retentionEvent, weeklyStatsEvent } from "./jobs";
import { checkStage } from "./resources";

export const USAGE = `npm run ops -- <command> [options]   (AWS credentials and region from the shell; --region to override)

  resources        --stage S                       the stage's functions, queues and table, as the tools find them
  replay-alerts    --stage S [--since ISO] [--dry-run]
                   re-drives the alerts on the report-events failure queue (docs/operations.md)
  replay-evidence  --stage S [--discard-gone] [--dry-run]
                   re-runs evidence-uploaded for the uploads on its failure queue
  weekly-stats     --stage S --week 2026-W47      runs the weekly-stats job in AWS for that week
  contact-retention --stage S [--time ISO]        runs the contact-retention job in AWS (now, or as at --time)
  copy-table       --from T1 --to T2 [--missing-only] [--state FILE] [--page-size N] [--endpoint URL [--create-target]]
                   copies every item of T1 into T2 (with --missing-only, those T2 lacks), resumably
                   (the point-in-time-recovery procedure)`;

export type OpsCommand =
  | { command: "resources"; stage: string; region: string }
  | { command: "replay-alerts"; stage: string; region: string; since?: string; dryRun: boolean }
  | { command: "replay-evidence"; stage: string; region: string; discardGone: boolean; dryRun: boolean }
  | { command: "weekly-stats"; stage: string; region: string; event: { week: string } }
  | { command: "contact-retention"; stage: string; region: string; event: { time?: string } }
  | {
      command: "copy-table";
      region: string;
      from: string;
      to: string;
      statePath: string;
      pageSize: number;
      missingOnly: boolean;
      endpoint?: string;
      createTarget: boolean;
    };

const OPTIONS = {
  stage: { type: "string" },
  region: { type: "string" },
  since: { type: "string" },
  "dry-run": { type: "boolean" },
  "discard-gone": { type: "boolean" },
  week: { type: "string" },
  time: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  state: { type: "string" },
  "page-size": { type: "string" },
  endpoint: { type: "string" },
  "create-target": { type: "boolean" },
  "missing-only": { type: "boolean" },
} as const;

/** Which options each command takes (besides --region). */
const TAKES: Record<OpsCommand["command"], readonly (keyof typeof OPTIONS)[]> = {
  resources: ["stage"],
  "replay-alerts": ["stage", "since", "dry-run"],
  "replay-evidence": ["stage", "discard-gone", "dry-run"],
  "weekly-stats": ["stage", "week"],
  "contact-retention": ["stage", "time"],
  "copy-table": ["from", "to", "missing-only", "state", "page-size", "endpoint", "create-target"],
};

/** Every command of `npm run ops`. */
export const COMMANDS = Object.keys(TAKES) as OpsCommand["command"][];

const isCommand = (c: string | undefined): c is OpsCommand["command"] => !!c && c in TAKES;

/** Parses `argv` (after `npm run ops --`); throws with a sentence that says what is wrong. */
export function parseOpsArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): OpsCommand {
  const { values, positionals } = parseNodeArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const [command, ...extra] = positionals;
  if (!isCommand(command)) throw new Error(command ? `There is no command "${command}".` : "Name a command.");
  if (extra.length > 0) throw new Error(`Unexpected argument "${extra[0]}".`);
  const foreign = Object.keys(values).filter(
    (k) => k !== "region" && !TAKES[command].includes(k as keyof typeof OPTIONS),
  );
  if (foreign.length > 0) throw new Error(`${command} takes no --${foreign[0]}.`);
  const region = values.region ?? env.AWS_REGION ?? "ap-southeast-3";

  if (command === "copy-table") {
    if (!values.from || !values.to) throw new Error("copy-table needs --from and --to (table names).");
    const pageSize = Number(values["page-size"] ?? 500);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
      throw new Error("--page-size must be a whole number from 1 to 1000.");
    if (values["create-target"] && !values.endpoint)
      throw new Error(
        "--create-target is for DynamoDB Local only (with --endpoint): in AWS, the restore makes the table.",
      );
    return {
      command,
      region,
      from: values.from,
      to: values.to,
      statePath: values.state ?? defaultStatePath(values.from, values.to),
      pageSize,
      missingOnly: values["missing-only"] ?? false,
      ...(values.endpoint ? { endpoint: values.endpoint } : {}),
      createTarget: values["create-target"] ?? false,
    };
  }
  const stage = checkStage(values.stage);
  switch (command) {
    case "resources":
      return { command, stage, region };
    case "replay-alerts":
      return {
        command,
        stage,
        region,
        ...(values.since ? { since: values.since } : {}),
        dryRun: values["dry-run"] ?? false,
      };
    case "replay-evidence":
      return {
        command,
        stage,
        region,
        discardGone: values["discard-gone"] ?? false,
        dryRun: values["dry-run"] ?? false,
      };
    case "weekly-stats":
      return { command, stage, region, event: weeklyStatsEvent(values.week) };
    case "contact-retention":
      return { command, stage, region, event: retentionEvent(values.time) };
  }
}
