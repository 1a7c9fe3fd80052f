import { Alert, Aws, Db, Evidence, Officer, Stats } from "@lapora/core";
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
 * The DynamoDB adapters and ElectroDB, loaded with the first request that reads or writes the table.
 * The Lambda is built with code splitting (stacks/Api.ts), so this is its own chunk: a cold start that
 * serves regions, statistics files or a preflight never parses it.
 */
const dynamo = Aws.lazy(() => import("@lapora/core/dynamo"));
/** A store whose adapter comes from that chunk, built on its first call. */
const fromDynamo = <T extends Aws.AsyncPort<T>>(make: (adapters: Awaited<ReturnType<typeof dynamo>>) => T) =>
  Aws.lazyPort(async () => make(await dynamo()));

/**
 * The `api` Lambda: API Gateway HTTP API (payload v2) -> Hono. Stores and SDK clients are built on first
 * use (Aws.lazyPort, Aws.create*Client), so a cold start pays only for what its request needs.
 */
export const handler = handle(
  createApp({
    reports: fromDynamo((d) => d.createDynamoReportStore(client, table)),
    officers: fromDynamo((d) => d.createDynamoOfficerStore(client, table)),
    audit: fromDynamo((d) => d.createDynamoAuditStore(client, table)),
    directory: Officer.createCognitoDirectory(cognito, config.USER_POOL_ID),
    signIn: Officer.createCognitoSignIn(cognito, config.AUTH_AUDIENCE),
    signInThrottle: fromDynamo((d) => d.createSignInThrottle(client, table)),
    verifyToken: createTokenVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }),
    stats: fromDynamo((d) => d.createDynamoStatsStore(client, table)),
    files: Stats.createS3OpenDataStore(
      Aws.createS3Client({ region: config.AWS_REGION }),
      config.OPEN_DATA_BUCKET,
    ),
    alerts: Alert.createSubscriptionSync(
      fromDynamo((d) => d.createDynamoSubscriptionRecords(client, table)),
      Alert.createSnsGateway(Aws.createSnsClient({ region: config.AWS_REGION }), config.ALERTS_TOPIC_ARN),
    ),
    evidence: {
      store: fromDynamo((d) => d.createDynamoEvidenceStore(client, table)),
      files: Evidence.createS3EvidenceFiles(
        Aws.createS3Client({ region: config.AWS_REGION }),
        config.EVIDENCE_BUCKET,
        { region: config.AWS_REGION },
      ),
    },
  }),
);
