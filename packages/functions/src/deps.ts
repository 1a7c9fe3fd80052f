/**
 * The one composition root: every entry point builds its dependencies here, from SDK clients and resource
 * names. The api Lambda, the other Lambdas, the local runtime, the test harness and the benches differ
 * only in the clients they pass (a region in AWS, emulator endpoints locally) and in who officers are
 * (Cognito, or the local issuer).
 */
import { randomBytes } from "node:crypto";
import {
  Alert,
  type Evidence,
  type Officer,
  REPORT_LIMITS,
  type Report,
  type Reporter,
  type ReportLimits,
  type Stats,
} from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import type * as DynamoAdapters from "@lapora/core/dynamo";
import { createWebPushSender, type VapidKeys } from "@lapora/core/webpush";
import type { ApiDeps } from "./api/app";
import type { TokenVerifier } from "./api/auth";
import type { loadAlertsConfig } from "./config";

/** The resources, by the names the stacks give them (or the local runtime creates). */
export interface Names {
  table: string;
  openDataBucket: string;
  evidenceBucket: string;
  alertsTopicArn: string;
}

/** The SDK clients; only DynamoDB's is made up front, the others on first use. */
export interface Clients {
  dynamo: ReturnType<typeof Aws.createDocumentClient>;
  s3: ReturnType<typeof Aws.createS3Client>;
  sns: ReturnType<typeof Aws.createSnsClient>;
  /** How presigned URLs are made: the region in AWS, s3rver's endpoint locally. */
  presign: Aws.S3EvidenceOptions;
  /** The evidence bucket's client, where it is not `s3` (a test's own s3rver). */
  evidenceS3?: ReturnType<typeof Aws.createS3Client>;
}

/** Who officers are: Cognito in AWS, the local issuer on one machine. */
export interface Identity {
  directory: Officer.IdentityDirectory;
  signIn: Officer.SignInProvider;
  verifyToken: TokenVerifier;
}

/**
 * The DynamoDB adapters: `import("@lapora/core/dynamo")` in the api Lambda (its own chunk, loaded by
 * the first request that reads or writes), the module itself elsewhere.
 */
export type DynamoModule = () => Promise<typeof DynamoAdapters>;

export interface Wiring {
  clients: Clients;
  names: Names;
  dynamo: DynamoModule;
  /** Where an officer's SMS subscription points: their phone in AWS, their inbox queue locally. */
  smsTarget?: Alert.SubscriptionGateway["targetOf"];
}

/** A port built from the DynamoDB adapters on its first call (lazyPort: the module may not be loaded yet). */
function fromDynamo(w: Pick<Wiring, "clients" | "dynamo"> & { names: Pick<Names, "table"> }) {
  const { dynamo: client } = w.clients;
  const { table } = w.names;
  return <T extends Aws.AsyncPort<T>>(make: (d: typeof DynamoAdapters, c: typeof client, t: string) => T) =>
    Aws.lazyPort(async () => make(await w.dynamo(), client, table));
}

/** Photo evidence: capabilities and slots in DynamoDB, the originals and display copies in S3. */
export function evidenceDeps(w: Wiring): Evidence.EvidenceDeps {
  const dynamo = fromDynamo(w);
  return {
    store: dynamo((d, c, t) => d.createDynamoEvidenceStore(c, t)),
    files: Aws.createS3EvidenceFiles(
      w.clients.evidenceS3 ?? w.clients.s3,
      w.names.evidenceBucket,
      w.clients.presign,
    ),
  };
}

// Without a stage's secret (tests, one local process), source keys are still HMACs, under a secret of
// this process.
const PROCESS_SECRET = randomBytes(32).toString("base64url");

/** Limits by source: the stage's secret of source keys (all its instances share it) and its limits. */
export interface AdmissionSettings {
  secret?: string | undefined;
  limits?: ReportLimits;
  /** The stage's service targets, fixed on each report as it arrives (core's defaults when absent). */
  targets?: Report.ServiceTargets;
  now?: () => Date;
}

/** What the API knows of push: the push services it accepts and the VAPID public key (never the private one). */
export interface PushWiring {
  allowedOrigins?: readonly string[];
  vapidPublicKey: string;
}

/** What the api Lambda (and the local server) serve the API with. */
export function apiDeps(
  w: Wiring,
  identity: Identity,
  admission: AdmissionSettings = {},
  push: PushWiring = { vapidPublicKey: "" },
): ApiDeps {
  const dynamo = fromDynamo(w);
  return {
    admission: {
      secret: admission.secret ?? PROCESS_SECRET,
      limits: admission.limits ?? REPORT_LIMITS,
      ...(admission.now ? { now: admission.now } : {}),
    },
    ...identity,
    reports: dynamo((d, c, t) => d.createDynamoReportStore(c, t)),
    quarantine: dynamo((d, c, t) => d.createDynamoQuarantineStore(c, t)),
    officers: dynamo((d, c, t) => d.createDynamoOfficerStore(c, t)),
    audit: dynamo((d, c, t) => d.createDynamoAuditStore(c, t)),
    signInThrottle: dynamo((d, c, t) => d.createSignInThrottle(c, t)),
    stats: dynamo((d, c, t) => d.createDynamoStatsStore(c, t)),
    files: Aws.createS3OpenDataStore(w.clients.s3, w.names.openDataBucket),
    alerts: Alert.createSubscriptionSync(
      dynamo((d, c, t) => d.createDynamoSubscriptionRecords(c, t)),
      Aws.createSnsGateway(w.clients.sns, w.names.alertsTopicArn, w.smsTarget),
    ),
    evidence: evidenceDeps(w),
    pushDevices: dynamo((d, c, t) => d.createDynamoPushDeviceStore(c, t)),
    push: {
      allowedOrigins: push.allowedOrigins ?? Alert.PUSH_SERVICE_ORIGINS,
      vapidPublicKey: push.vapidPublicKey,
    },
    acks: dynamo((d, c, t) => d.createDynamoAckStore(c, t)),
    reporter: dynamo((d, c, t) => d.createDynamoReporterStore(c, t)),
    ...(admission.targets ? { targets: admission.targets } : {}),
  };
}

/** What the alert senders (report-events, the follow-up and digest job) need beyond the clients. */
export interface AlertSettings {
  sms: Alert.SmsSettings;
  /** The VAPID keys, or how to get them on first use (the private key from SSM in AWS). */
  vapid: VapidKeys | (() => Promise<VapidKeys>);
  policy?: Alert.SmsPolicy;
  /** At least the consumer's timeout (see Alert.smsOnce). */
  leaseMs: number;
  log?: (entry: Record<string, unknown>) => void;
  now?: () => number;
  /** Where reporters' SMS updates go: SNS direct to the number in AWS, the local phone inbox on one machine. */
  phone?: Reporter.PhoneSms;
}

/**
 * Push and SMS delivery with their stores: report-events dispatches alerts with it, the every-minute
 * job sends the tinggi follow-ups and the daily job the digests.
 */
export function alertDeps(
  w: Pick<Wiring, "clients" | "dynamo"> & { names: Pick<Names, "table" | "alertsTopicArn"> },
  settings: AlertSettings,
): Alert.DispatchDeps & Alert.FollowUpDeps & Alert.DigestDeps & Reporter.UpdateDeps {
  const dynamo = fromDynamo(w);
  const officers = dynamo((d, c, t) => d.createDynamoOfficerStore(c, t));
  const reports = dynamo((d, c, t) => d.createDynamoReportStore(c, t));
  const escalations = dynamo((d, c, t) => d.createDynamoEscalationStore(c, t));
  return {
    markers: dynamo((d, c, t) => d.createDynamoMarkerStore(c, t)),
    leaseMs: settings.leaseMs,
    devices: dynamo((d, c, t) => d.createDynamoPushDeviceStore(c, t)),
    push: createWebPushSender(settings.vapid),
    sms: Aws.createSnsSmsSender(w.clients.sns, w.names.alertsTopicArn, settings.sms),
    budget: dynamo((d, c, t) => d.createDynamoSmsBudget(c, t)),
    policy: settings.policy ?? Alert.SMS_POLICY,
    consoleUrl: settings.sms.consoleUrl,
    roster: Alert.activeRoster(officers),
    followUps: dynamo((d, c, t) => d.createDynamoFollowUps(c, t)),
    acks: dynamo((d, c, t) => d.createDynamoAckStore(c, t)),
    statusOf: async (reportId) => (await reports.getById(reportId))?.status,
    openReports: (fromIso) => escalations.open(fromIso),
    updates: dynamo((d, c, t) => d.createDynamoReporterUpdates(c, t)),
    phone: settings.phone ?? Aws.createSnsPhoneSms(w.clients.sns, settings.sms),
    reports,
    siteUrl: settings.sms.consoleUrl,
    ...(settings.log ? { log: settings.log } : {}),
    ...(settings.now ? { now: settings.now } : {}),
  };
}

/** The weekly-stats job: the stores, the open-data bucket and the leadership's summary topic. */
export function statsDeps(
  w: Pick<Wiring, "clients" | "dynamo"> & { names: Pick<Names, "table" | "openDataBucket"> },
  summaryTopicArn: string,
): Stats.StatsDeps {
  const dynamo = fromDynamo(w);
  return {
    stats: dynamo((d, c, t) => d.createDynamoStatsStore(c, t)),
    files: Aws.createS3OpenDataStore(w.clients.s3, w.names.openDataBucket),
    summaries: Aws.createSnsSummaryPublisher(w.clients.sns, summaryTopicArn),
  };
}

/** The contact-retention job: the reports and the erasures due (reporter/retention.ts). */
export function retentionDeps(
  w: Pick<Wiring, "clients" | "dynamo"> & { names: Pick<Names, "table"> },
): Reporter.RetentionDeps {
  const dynamo = fromDynamo(w);
  return {
    reports: dynamo((d, c, t) => d.createDynamoReportStore(c, t)),
    retention: dynamo((d, c, t) => d.createDynamoRetentionStore(c, t)),
  };
}

/** The SDK clients of one region (AWS), or of the emulators' endpoints (locally). */
export function clientsFor(where: {
  region?: string;
  dynamoEndpoint?: string;
  s3Endpoint?: string;
  snsEndpoint?: string;
}): Clients {
  const region = where.region ? { region: where.region } : {};
  return {
    dynamo: Aws.createDocumentClient({
      ...region,
      ...(where.dynamoEndpoint ? { endpoint: where.dynamoEndpoint } : {}),
    }),
    s3: Aws.createS3Client({ ...region, ...(where.s3Endpoint ? { endpoint: where.s3Endpoint } : {}) }),
    sns: Aws.createSnsClient({ ...region, ...(where.snsEndpoint ? { endpoint: where.snsEndpoint } : {}) }),
    presign: where.s3Endpoint ? { endpoint: where.s3Endpoint } : { ...region },
  };
}

/** A Lambda's clients, from its parsed config: its region, and DynamoDB Local where one is named. */
export function lambdaClients(config: {
  AWS_REGION: string;
  DYNAMODB_ENDPOINT?: string | undefined;
}): Clients {
  return clientsFor({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT ? { dynamoEndpoint: config.DYNAMODB_ENDPOINT } : {}),
  });
}

/** The alert senders' deps in a Lambda, from its parsed config (report-events, alert-follow-up). */
export function lambdaAlertDeps(
  config: ReturnType<typeof loadAlertsConfig>,
  log: (entry: Record<string, unknown>) => void,
) {
  const privateKey = Aws.secureParameter(config.VAPID_PRIVATE_KEY_PARAMETER, config.AWS_REGION);
  return alertDeps(
    {
      clients: lambdaClients(config),
      names: { table: config.TABLE_NAME, alertsTopicArn: config.ALERTS_TOPIC_ARN },
      dynamo: async () => import("@lapora/core/dynamo"),
    },
    {
      sms: {
        consoleUrl: config.CONSOLE_URL,
        ...(config.SMS_SENDER_ID ? { senderId: config.SMS_SENDER_ID } : {}),
        ...(config.SMS_MAX_PRICE_USD ? { maxPriceUsd: config.SMS_MAX_PRICE_USD } : {}),
      },
      vapid: async () => ({
        publicKey: config.VAPID_PUBLIC_KEY,
        privateKey: await privateKey(),
        subject: config.VAPID_SUBJECT,
      }),
      policy: Alert.parseSmsPolicy(config.SMS_POLICY),
      leaseMs: config.ALERT_LEASE_SECONDS * 1000,
      log,
    },
  );
}
