/**
 * How `npm run ops` finds a stage's resources. SST v2 names each stack `{stage}-lapora-{Stack}` and lets
 * CDK generate the physical names of functions and queues, so the tools ask CloudFormation for the stack's
 * resources and take the one of the right type whose logical id starts with the construct's id
 * (`weeklyStatsJob…` for the `weeklyStats` Cron's function). The port (StackReader) is CloudFormation in
 * AWS; tests read the synthesized templates with it (ops-resources.test.ts), and the emulator tests pass
 * the names of their own table and queues to the commands directly.
 */
import { CloudFormationClient, ListStackResourcesCommand } from "@aws-sdk/client-cloudformation";

/** One resource of a stack, as CloudFormation lists it. */
export interface StackResource {
  logicalId: string;
  type: string;
  /** The function's name, the queue's URL, the table's name. */
  physicalId: string;
}

/** The port: a stack's resources by the stack's name. */
export interface StackReader {
  resources(stackName: string): Promise<StackResource[]>;
}

/** What the tools use, by the stack that holds it, its type and the start of its logical id. */
export const RESOURCES = {
  table: { stack: "Storage", type: "AWS::DynamoDB::Table", prefix: "table" },
  reportEvents: { stack: "Alerts", type: "AWS::Lambda::Function", prefix: "reportEvents" },
  reportEventsFailures: { stack: "Alerts", type: "AWS::SQS::Queue", prefix: "reportEventsFailures" },
  evidenceUploaded: { stack: "Evidence", type: "AWS::Lambda::Function", prefix: "evidenceUploaded" },
  evidenceUploadedFailures: {
    stack: "Evidence",
    type: "AWS::SQS::Queue",
    prefix: "evidenceUploadedFailures",
  },
  accessLogScrub: { stack: "Storage", type: "AWS::Lambda::Function", prefix: "accessLogScrub" },
  weeklyStats: { stack: "Jobs", type: "AWS::Lambda::Function", prefix: "weeklyStatsJob" },
  contactRetention: { stack: "Jobs", type: "AWS::Lambda::Function", prefix: "contactRetentionJob" },
  escalation: { stack: "Alerts", type: "AWS::Lambda::Function", prefix: "escalationJob" },
  alertFollowUp: { stack: "Alerts", type: "AWS::Lambda::Function", prefix: "alertFollowUp" },
  apiPublic: { stack: "Api", type: "AWS::Lambda::Function", prefix: "apiPublic" },
  apiOfficer: { stack: "Api", type: "AWS::Lambda::Function", prefix: "apiOfficer" },
} as const;
export type ResourceName = keyof typeof RESOURCES;

/** The CloudFormation name of a stage's stack: SST v2's `{stage}-{app}-{stack}`. */
export const stackName = (stage: string, stack: string) => `${stage}-lapora-${stack}`;

/** Stage names SST accepts: letters, digits and hyphens, starting with a letter. */
export function checkStage(stage: string | undefined): string {
  if (!stage || !/^[A-Za-z][A-Za-z0-9-]*$/.test(stage))
    throw new Error(`--stage needs a stage name such as prod or uji, not "${stage ?? ""}".`);
  return stage;
}

/**
 * The physical names of `names` in `stage`, each the one resource of its type whose logical id starts
 * with its prefix; fails naming the stack when there is none or more than one.
 */
export async function lookup<N extends ResourceName>(
  reader: StackReader,
  stage: string,
  names: readonly N[],
): Promise<Record<N, string>> {
  const stacks = new Map<string, Promise<StackResource[]>>();
  const out = {} as Record<N, string>;
  for (const name of names) {
    const { stack, type, prefix } = RESOURCES[name];
    const full = stackName(stage, stack);
    if (!stacks.has(full)) stacks.set(full, reader.resources(full));
    const found = ((await stacks.get(full)) ?? []).filter(
      (r) => r.type === type && r.logicalId.startsWith(prefix),
    );
    if (found.length !== 1 || !found[0]?.physicalId)
      throw new Error(
        `Stack ${full} has ${found.length} ${type} resources whose logical id starts with ${prefix}: is the stage deployed, and the region right?`,
      );
    out[name] = found[0].physicalId;
  }
  return out;
}

/** The port on CloudFormation (ListStackResources, every page). */
export function cloudFormationReader(client: CloudFormationClient): StackReader {
  return {
    async resources(name) {
      const out: StackResource[] = [];
      let NextToken: string | undefined;
      do {
        const page = await client.send(new ListStackResourcesCommand({ StackName: name, NextToken }));
        for (const r of page.StackResourceSummaries ?? [])
          out.push({
            logicalId: r.LogicalResourceId ?? "",
            type: r.ResourceType ?? "",
            physicalId: r.PhysicalResourceId ?? "",
          });
        NextToken = page.NextToken;
      } while (NextToken);
      return out;
    },
  };
}

export const createCloudFormationClient = (region: string) => new CloudFormationClient({ region });
