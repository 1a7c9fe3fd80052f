/**
 * What the cost model reads from the stacks themselves: it synthesizes the `prod` stage on this machine,
 * without AWS, as the stack tests do (stacks/test-app.ts), and reads the CloudFormation templates. A memory
 * size, a schedule, a log retention, an index, a secret or an alarm added to a stack therefore changes
 * `npm run cost` without anyone editing the model; a Lambda or a schedule it cannot price stops it.
 */
import { EVIDENCE_ACCESS_LOG, metricSeries, parseSmsPolicy } from "@lapora/core/infra";

/** The app's own Lambdas, by the start of their logical id in the template. */
export const LAMBDAS = {
  apiPublic: "apiPublic",
  apiOfficer: "apiOfficer",
  reportEvents: "reportEvents",
  evidenceUploaded: "evidenceUploaded",
  escalation: "escalationJob",
  alertFollowUp: "alertFollowUp",
  weeklyStats: "weeklyStatsJob",
  contactRetention: "contactRetentionJob",
  accessLogScrub: "accessLogScrub",
} as const;
export type LambdaName = keyof typeof LAMBDAS;

export interface LambdaSettings {
  memoryMb: number;
  arm: boolean;
  logRetentionDays: number;
  /** X-Ray active tracing (SST's default). */
  tracing: boolean;
  /** Runs a month from its EventBridge schedules (0 for a function driven by requests or events). */
  scheduledRunsPerMonth: number;
}

export interface StackSettings {
  region: string;
  lambdas: Record<LambdaName, LambdaSettings>;
  table: { indexes: number; onDemand: boolean; pointInTimeRecovery: boolean };
  evidenceRetentionDays: number;
  accessLogRetentionDays: number;
  /**
   * The audit trail (stacks/Audit.ts): its CloudTrail trails, whether they record management events, and
   * the days its log files and CloudFront's logs are kept (0: not kept); and the days the evidence bucket's
   * scrubbed access log is kept (stacks/Storage.ts; 0: the bucket has no access log).
   */
  audit: {
    trails: number;
    managementEvents: boolean;
    trailDays: number;
    cloudFrontLogDays: number;
    evidenceAccessLogDays: number;
  };
  secrets: number;
  alarms: number;
  /** What alarms are billed by: one metric each, or each metric an alarm on metric math reads. */
  alarmMetrics: number;
  /** Metric filters' metrics, and the functions' own (EMF, core/metrics.ts): one per combination of dimensions. */
  customMetrics: number;
  dashboards: number;
  /** CloudFront viewer functions run per request (the most any cache behaviour has). */
  cloudFrontFunctionsPerRequest: number;
  webAcls: number;
  wafRules: number;
  /** Counted only to be listed: they cost nothing at rest. */
  queues: number;
  schedules: number;
  sms: { monthlySpendLimitUsd: number; maxPriceUsd: number; dailyBudget: number; deliveryLogPercent: number };
}

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON.
type Resource = { Type: string; Properties?: any };

const DAYS_A_MONTH = 365.25 / 12;
const MINUTES_A_MONTH = DAYS_A_MONTH * 24 * 60;

/** Runs a month of an EventBridge schedule: `rate(...)`, or a cron that fires daily or weekly. */
export function runsPerMonth(expression: string): number {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const minutes = { minute: 1, hour: 60, day: 1440 }[(rate[2] ?? "").replace(/s$/, "") as "minute"];
    return MINUTES_A_MONTH / (Number(rate[1]) * minutes);
  }
  const cron = /^cron\((\d+) (\d+) (\S+) \S+ (\S+) \S+\)$/.exec(expression);
  if (cron && (cron[3] === "*" || cron[3] === "?")) {
    if (cron[4] === "*" || cron[4] === "?") return DAYS_A_MONTH;
    if (/^[A-Z]{3}$/.test(cron[4] ?? "")) return DAYS_A_MONTH / 7;
  }
  throw new Error(`The cost model cannot count the runs of the schedule ${expression}: teach runsPerMonth.`);
}

const refersTo = (value: unknown, id: string) => JSON.stringify(value ?? null).includes(`"${id}"`);

function lambdasOf(resources: [string, Resource][]): Record<LambdaName, LambdaSettings> {
  // SST sets Architectures on every Function it builds from functionDefaults; CDK's own custom-resource
  // handlers (deploy time only) have none.
  const fns = resources.filter(([, r]) => r.Type === "AWS::Lambda::Function" && r.Properties?.Architectures);
  const unknown = fns.filter(([id]) => !Object.values(LAMBDAS).some((prefix) => id.startsWith(prefix)));
  if (unknown.length > 0)
    throw new Error(`The cost model does not price the Lambda ${unknown[0]?.[0]}: add it to scripts/cost.`);
  const rules = resources.filter(([, r]) => r.Type === "AWS::Events::Rule");
  const entries = Object.entries(LAMBDAS).map(([name, prefix]) => {
    const found = fns.filter(([id]) => id.startsWith(prefix));
    if (found.length !== 1)
      throw new Error(`The stacks have ${found.length} Lambdas named ${prefix}, not one.`);
    const [id, fn] = found[0] as [string, Resource];
    const retention = resources.find(
      ([, r]) => r.Type === "Custom::LogRetention" && refersTo(r.Properties?.LogGroupName, id),
    );
    const runs = rules
      .filter(([, r]) => refersTo(r.Properties?.Targets, id))
      .reduce((sum, [, r]) => sum + runsPerMonth(r.Properties.ScheduleExpression), 0);
    const settings: LambdaSettings = {
      memoryMb: fn.Properties.MemorySize ?? 128,
      arm: fn.Properties.Architectures.includes("arm64"),
      // A log group without retention keeps everything: priced as a year.
      logRetentionDays: retention?.[1].Properties.RetentionInDays ?? 365,
      tracing: fn.Properties.TracingConfig?.Mode === "Active",
      scheduledRunsPerMonth: runs,
    };
    return [name, settings] as const;
  });
  return Object.fromEntries(entries) as Record<LambdaName, LambdaSettings>;
}

/**
 * Synthesizes the `prod` stage (and the Edge app in us-east-1) and reads the settings that cost money.
 * The deploy-time variables (LAPORA_SMS_POLICY, LAPORA_RETENTION_DAYS, ...) of this shell apply, as they
 * would to `npm run deploy`.
 */
export async function readStackSettings(): Promise<StackSettings> {
  // Stack tests' way of building without AWS: SST skips every account lookup under NODE_ENV=test.
  process.env.NODE_ENV = "test";
  process.env.SST_TELEMETRY_DISABLED = "1";
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
  const [
    { default: config },
    { createTestApp },
    { EDGE_REGION },
    { smsSettings },
    messaging,
    cdk,
    assertions,
  ] = await Promise.all([
    import("../../sst.config"),
    import("../../stacks/test-app"),
    import("../../stacks/web-acl"),
    import("../../stacks/sms-settings"),
    import("../../stacks/Messaging"),
    import("aws-cdk-lib"),
    import("aws-cdk-lib/assertions"),
  ]);
  /** Every resource of every stack the app composes. */
  const synth = async (region?: string) => {
    const app = await createTestApp({ stage: "prod", ...(region ? { region } : {}) });
    await config.stacks(app);
    const stacks = app.node.children.filter((c) => cdk.Stack.isStack(c));
    const resources = stacks.flatMap((stack) =>
      Object.entries(assertions.Template.fromStack(stack).toJSON().Resources as Record<string, Resource>),
    );
    return { app, resources };
  };
  const { app, resources } = await synth();
  const edgeResources = (await synth(EDGE_REGION)).resources.map(([, r]) => r);

  const ofType = (type: string, from: Resource[] = resources.map(([, r]) => r)) =>
    from.filter((r) => r.Type === type);
  const [table] = ofType("AWS::DynamoDB::Table");
  const [distribution] = ofType("AWS::CloudFront::Distribution");
  const [accessLog] = ofType("AWS::Logs::LogGroup");
  const behaviours = [
    distribution?.Properties.DistributionConfig.DefaultCacheBehavior,
    ...(distribution?.Properties.DistributionConfig.CacheBehaviors ?? []),
  ];
  const metrics = new Set(
    ofType("AWS::Logs::MetricFilter").flatMap((f) =>
      // biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON.
      f.Properties.MetricTransformations.map((m: any) => `${m.MetricNamespace}/${m.MetricName}`),
    ),
  );
  const lambdas = lambdasOf(resources);
  const evidence = resources.find(
    ([id, r]) => r.Type === "AWS::Lambda::Function" && id.startsWith(LAMBDAS.evidenceUploaded),
  )?.[1];
  const sms = smsSettings(app.stage);
  const [trail] = ofType("AWS::CloudTrail::Trail");
  const bucket = (ref: { Ref?: string } | undefined) => resources.find(([id]) => id === ref?.Ref)?.[1];
  const keptDays = (b: Resource | undefined): number =>
    // biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON.
    b?.Properties.LifecycleConfiguration?.Rules?.find((r: any) => r.ExpirationInDays)?.ExpirationInDays ?? 0;
  const trailBucket = bucket(trail?.Properties.S3BucketName);
  // The evidence bucket's access log: the bucket that logs under the raw prefix, and how long its log
  // bucket keeps the scrubbed files.
  const logging = resources
    .map(([, r]) => r.Properties?.LoggingConfiguration)
    .find((l) => l?.LogFilePrefix === EVIDENCE_ACCESS_LOG.raw);
  const evidenceAccessLogDays: number =
    bucket(logging?.DestinationBucketName)?.Properties.LifecycleConfiguration?.Rules?.find(
      // biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON.
      (r: any) => r.Prefix === EVIDENCE_ACCESS_LOG.kept,
    )?.ExpirationInDays ?? 0;
  const cloudFrontLogs = resources.some(
    ([, r]) => r.Type === "Custom::AWS" && JSON.stringify(r.Properties?.Create).includes("createDelivery"),
  );
  return {
    region: app.region,
    lambdas,
    table: {
      indexes: table?.Properties.GlobalSecondaryIndexes?.length ?? 0,
      onDemand: table?.Properties.BillingMode === "PAY_PER_REQUEST",
      pointInTimeRecovery:
        table?.Properties.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled === true,
    },
    evidenceRetentionDays: Number(evidence?.Properties.Environment.Variables.EVIDENCE_RETENTION_DAYS ?? 0),
    accessLogRetentionDays: accessLog?.Properties.RetentionInDays ?? 365,
    audit: {
      trails: ofType("AWS::CloudTrail::Trail").length,
      managementEvents: JSON.stringify(trail?.Properties.AdvancedEventSelectors ?? []).includes(
        '"Management"',
      ),
      trailDays: keptDays(trailBucket),
      cloudFrontLogDays: cloudFrontLogs
        ? keptDays(bucket(trailBucket?.Properties.LoggingConfiguration?.DestinationBucketName))
        : 0,
      evidenceAccessLogDays,
    },
    secrets: ofType("AWS::SecretsManager::Secret").length,
    alarms: ofType("AWS::CloudWatch::Alarm").length,
    alarmMetrics: ofType("AWS::CloudWatch::Alarm").reduce(
      // biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON.
      (n, a) => n + Math.max(1, (a.Properties.Metrics ?? []).filter((m: any) => m.MetricStat).length),
      0,
    ),
    customMetrics: metrics.size + metricSeries().length,
    dashboards: ofType("AWS::CloudWatch::Dashboard").length,
    cloudFrontFunctionsPerRequest: Math.max(
      0,
      ...behaviours.map((b) => b?.FunctionAssociations?.length ?? 0),
    ),
    webAcls: ofType("AWS::WAFv2::WebACL", edgeResources).length,
    wafRules: ofType("AWS::WAFv2::WebACL", edgeResources).reduce(
      (n, acl) => n + acl.Properties.Rules.length,
      0,
    ),
    queues: ofType("AWS::SQS::Queue").length,
    schedules: ofType("AWS::Events::Rule").length,
    sms: {
      monthlySpendLimitUsd: Number(sms.monthlySpendLimitUsd),
      maxPriceUsd: Number(sms.maxPriceUsd),
      dailyBudget: parseSmsPolicy(process.env.LAPORA_SMS_POLICY).dailyBudget,
      deliveryLogPercent: Number(messaging.SMS_SUCCESS_SAMPLING_PERCENT),
    },
  };
}
