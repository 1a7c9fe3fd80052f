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

/** The `api` Lambda: API Gateway HTTP API (payload v2) -> Hono. */
export const handler = handle(
  createApp({
    reports: Report.createDynamoReportStore(client, table),
    officers: Officer.createDynamoOfficerStore(client, table),
    audit: Audit.createDynamoAuditStore(client, table),
    directory: Officer.createCognitoDirectory(cognito, config.USER_POOL_ID),
    signIn: Officer.createCognitoSignIn(cognito, config.AUTH_AUDIENCE),
    signInThrottle: Officer.createSignInThrottle(client, table),
    verifyToken: createTokenVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }),
    stats: Stats.createDynamoStatsStore(client, table),
    files: Stats.createS3OpenDataStore(
      Aws.createS3Client({ region: config.AWS_REGION }),
      config.OPEN_DATA_BUCKET,
    ),
    alerts: Alert.createSubscriptionSync(
      Alert.createDynamoSubscriptionRecords(client, table),
      Alert.createSnsGateway(Aws.createSnsClient({ region: config.AWS_REGION }), config.ALERTS_TOPIC_ARN),
    ),
    evidence: {
      store: Evidence.createDynamoEvidenceStore(client, table),
      files: Evidence.createS3EvidenceFiles(
        Aws.createS3Client({ region: config.AWS_REGION }),
        config.EVIDENCE_BUCKET,
        { region: config.AWS_REGION },
      ),
    },
  }),
);
