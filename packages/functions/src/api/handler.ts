import { Alert, Audit, Aws, Db, Evidence, Officer, Report, Stats } from "@lapora/core";
import { handle } from "hono/aws-lambda";
import { loadApiConfig } from "../config";
import { createApp } from "./app";
import { createTokenVerifier } from "./auth";

const config = loadApiConfig();
const client = Db.createDocumentClient({
  region: config.AWS_REGION,
  ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
});
const cognito = Aws.createCognitoClient({ region: config.AWS_REGION });
const table = config.TABLE_NAME;

/**
 * The `api` Lambda: API Gateway HTTP API (payload v2) -> Hono. Stores and SDK clients are built on first
 * use (Aws.lazyPort, Aws.create*Client), so a cold start pays only for what its request needs.
 */
export const handler = handle(
  createApp({
    reports: Aws.lazyPort(() => Report.createDynamoReportStore(client, table)),
    officers: Aws.lazyPort(() => Officer.createDynamoOfficerStore(client, table)),
    audit: Aws.lazyPort(() => Audit.createDynamoAuditStore(client, table)),
    directory: Officer.createCognitoDirectory(cognito, config.USER_POOL_ID),
    signIn: Officer.createCognitoSignIn(cognito, config.AUTH_AUDIENCE),
    signInThrottle: Aws.lazyPort(() => Officer.createSignInThrottle(client, table)),
    verifyToken: createTokenVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }),
    stats: Aws.lazyPort(() => Stats.createDynamoStatsStore(client, table)),
    files: Stats.createS3OpenDataStore(
      Aws.createS3Client({ region: config.AWS_REGION }),
      config.OPEN_DATA_BUCKET,
    ),
    alerts: Alert.createSubscriptionSync(
      Aws.lazyPort(() => Alert.createDynamoSubscriptionRecords(client, table)),
      Alert.createSnsGateway(Aws.createSnsClient({ region: config.AWS_REGION }), config.ALERTS_TOPIC_ARN),
    ),
    evidence: {
      store: Aws.lazyPort(() => Evidence.createDynamoEvidenceStore(client, table)),
      files: Evidence.createS3EvidenceFiles(
        Aws.createS3Client({ region: config.AWS_REGION }),
        config.EVIDENCE_BUCKET,
        { region: config.AWS_REGION },
      ),
    },
  }),
);
