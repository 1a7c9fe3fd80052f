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
  type ReportLimits,
  type Stats,
} from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import type * as DynamoAdapters from "@lapora/core/dynamo";
import type { ApiDeps } from "./api/app";
import type { TokenVerifier } from "./api/auth";

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
  now?: () => Date;
}

/** What the api Lambda (and the local server) serve the API with. */
export function apiDeps(w: Wiring, identity: Identity, admission: AdmissionSettings = {}): ApiDeps {
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
