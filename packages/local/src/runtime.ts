import { join } from "node:path";
import type { Alert, Report, ReportLimits } from "@lapora/core";
import { ensureTable } from "@lapora/core/dynamo";
import type { ApiDeps } from "@lapora/functions/api/app";
import { type LocalAlerts, startLocalAlerts } from "./alerts/local-alerts";
import { createLocalIssuer, type LocalIssuer } from "./auth/issuer";
import type { LocalConfig } from "./config";
import { createLocalDeps } from "./deps";
import { type DynamoLocal, startDynamoLocal } from "./emulators/dynamodb";
import { type S3Local, startS3Local } from "./emulators/s3";
import { type SnsLocal, startSnsLocal } from "./emulators/sns";
import { appOrigins, type LocalEvidenceUploads, startLocalEvidence } from "./evidence";
import { localPushOrigins, localVapidKeys, registerDemoDevices } from "./push/local-push";
import { type LocalPushService, startPushService } from "./push/push-service";
import { seedDemoOfficers } from "./seed";

export interface Runtime {
  dynamo: DynamoLocal;
  s3: S3Local;
  sns: SnsLocal;
  issuer: LocalIssuer;
  deps: ApiDeps;
  /** Alerts: the stream poller, the escalation and follow-up timers and every officer's SMS inbox (`/dev/sms`). */
  alerts: LocalAlerts;
  /** The local push service: every push message officers' devices were sent (`/dev/push`). */
  push: LocalPushService;
  /** s3rver's object events feeding evidence-uploaded. */
  evidenceUploads: LocalEvidenceUploads;
  /** Each officer's local TOTP secret (`/dev/totp` shows the current codes). */
  totp: { secretOf(nrp: string): Promise<string | undefined> };
  stop(): Promise<void>;
}

/** The s3rver bucket of the open-data files (stats/{week}.json|csv). */
export const LOCAL_OPEN_DATA_BUCKET = "lapora-open-data-local";

/** The audience (app client id) of local ID tokens, standing in for the Cognito app client. */
export const LOCAL_AUDIENCE = "lapora-console-local";

/**
 * Starts the emulators, creates what the app needs in them and seeds the demo officers. With `dataDir`
 * the data (and the issuer's key) survive a restart; without it DynamoDB runs in memory.
 */
export type RuntimeOptions = Parameters<typeof startRuntime>[0];

/** The runtime `npm start` describes with its settings (LocalConfig): its data folder, names and rules. */
export function runtimeOptionsOf(config: LocalConfig): RuntimeOptions {
  return {
    dataDir: config.dataDir,
    s3Directory: join(config.dataDir, "s3"),
    tableName: config.tableName,
    bucketName: config.bucketName,
    topicName: config.topicName,
    publicUrl: `http://localhost:${config.port}`,
    reportLimits: config.reportLimits,
    serviceTargets: config.serviceTargets,
    smsPolicy: config.smsPolicy,
  };
}

export async function startRuntime(options: {
  dataDir?: string;
  s3Directory: string;
  tableName: string;
  bucketName: string;
  topicName: string;
  /** Where the API is reachable by the API itself, e.g. http://localhost:3000. */
  publicUrl: string;
  /** Limits by source; core's REPORT_LIMITS by default. */
  reportLimits?: ReportLimits;
  /** Service targets; core's SERVICE_TARGETS by default. */
  serviceTargets?: Report.ServiceTargets;
  /** When SMS is sent (LAPORA_SMS_POLICY); core's SMS_POLICY by default. */
  smsPolicy?: Alert.SmsPolicy;
  /** Give each demo officer a device on the local push service (`npm start`); tests register their own. */
  demoPushDevices?: boolean;
}): Promise<Runtime> {
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    await Promise.allSettled(started.reverse().map((s) => s.stop()));
  };
  try {
    const dynamo = await startDynamoLocal(
      options.dataDir ? { dbPath: join(options.dataDir, "dynamodb") } : {},
    );
    started.push(dynamo);
    const [s3, sns] = await Promise.all([
      startS3Local({ directory: options.s3Directory, buckets: [options.bucketName, LOCAL_OPEN_DATA_BUCKET] }),
      startSnsLocal({ topicName: options.topicName }),
    ]);
    started.push(s3, sns);
    const push = await startPushService();
    started.push(push);
    const vapid = localVapidKeys(options.dataDir ? join(options.dataDir, "vapid.json") : undefined);
    await ensureTable(dynamo.endpoint, options.tableName);
    const issuer = await createLocalIssuer({
      issuer: `${options.publicUrl}/auth`,
      audience: LOCAL_AUDIENCE,
      ...(options.dataDir ? { keyFile: join(options.dataDir, "issuer-key.json") } : {}),
    });
    const deps = createLocalDeps({
      dynamoEndpoint: dynamo.endpoint,
      tableName: options.tableName,
      issuer,
      jwks: "remote",
      s3Endpoint: s3.endpoint,
      openDataBucket: LOCAL_OPEN_DATA_BUCKET,
      sns: { endpoint: sns.endpoint, topicArn: sns.topicArn },
      evidence: { bucket: options.bucketName },
      admission: {
        ...(options.reportLimits ? { limits: options.reportLimits } : {}),
        ...(options.serviceTargets ? { targets: options.serviceTargets } : {}),
      },
      push: { allowedOrigins: localPushOrigins(push), vapidPublicKey: vapid.publicKey },
    });
    await seedDemoOfficers(deps.officers, deps.localDirectory);
    if (options.demoPushDevices) await registerDemoDevices(deps.pushDevices, push);
    const alerts = await startLocalAlerts({
      deps,
      dynamoEndpoint: dynamo.endpoint,
      tableName: options.tableName,
      snsEndpoint: sns.endpoint,
      topicArn: sns.topicArn,
      consoleUrl: options.publicUrl,
      vapid,
      ...(options.smsPolicy ? { smsPolicy: options.smsPolicy } : {}),
    });
    const evidenceUploads = await startLocalEvidence({
      server: s3.server,
      s3Endpoint: s3.endpoint,
      bucket: options.bucketName,
      evidence: deps.evidence,
      appOrigins: appOrigins(options.publicUrl),
    });
    return {
      dynamo,
      s3,
      sns,
      issuer,
      deps,
      alerts,
      push,
      evidenceUploads,
      totp: { secretOf: (nrp) => deps.localDirectory.totpSecretOf(nrp) },
      async stop() {
        evidenceUploads.stop();
        await alerts.stop();
        deps.sqs.destroy();
        deps.client.destroy();
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
