import { Alert, Aws, Db, Evidence, Stats } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import type { ApiDeps } from "@lapora/functions/api/app";
import { createTokenVerifier } from "@lapora/functions/api/auth";
import { createLocalJWKSet } from "jose";
import { createLocalSmsQueues, createLocalSqsClient } from "./alerts/sms-queues";
import { createLocalDirectory, createLocalSignIn } from "./auth/credentials";
import type { LocalIssuer } from "./auth/issuer";

/**
 * The API's dependencies on one machine: the same DynamoDB adapters as in AWS (against DynamoDB Local),
 * and the local issuer in place of Cognito. `jwks: "remote"` fetches keys over HTTP from the issuer URL,
 * as the Lambda does from Cognito; tests that call the app in-process use the keys directly.
 */
export function createLocalDeps(options: {
  dynamoEndpoint: string;
  tableName: string;
  issuer: LocalIssuer;
  jwks: "remote" | "in-process";
  s3Endpoint: string;
  openDataBucket: string;
  /** fauxqs and the alerts topic: officers' SMS subscriptions are queues there. */
  sns: { endpoint: string; topicArn: string };
  /** The evidence bucket, on s3rver (`s3Endpoint` unless another s3rver is named). */
  evidence: { bucket: string; s3Endpoint?: string };
}): ApiDeps & {
  client: ReturnType<typeof Db.createDocumentClient>;
  localDirectory: ReturnType<typeof createLocalDirectory>;
  smsQueues: ReturnType<typeof createLocalSmsQueues>;
  sqs: ReturnType<typeof createLocalSqsClient>;
} {
  const client = Db.createDocumentClient({ endpoint: options.dynamoEndpoint });
  const { tableName: table, issuer } = options;
  const directory = createLocalDirectory(client, table);
  const sqs = createLocalSqsClient(options.sns.endpoint);
  // Named after the table, so test files sharing one fauxqs never share an officer's inbox.
  const smsQueues = createLocalSmsQueues(sqs, table);
  return {
    client,
    localDirectory: directory,
    smsQueues,
    sqs,
    reports: Dynamo.createDynamoReportStore(client, table),
    officers: Dynamo.createDynamoOfficerStore(client, table),
    audit: Dynamo.createDynamoAuditStore(client, table),
    directory,
    signIn: createLocalSignIn(client, table, issuer),
    signInThrottle: Dynamo.createSignInThrottle(client, table),
    verifyToken: createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      ...(options.jwks === "in-process" ? { keys: createLocalJWKSet(issuer.jwks) } : {}),
    }),
    stats: Dynamo.createDynamoStatsStore(client, table),
    files: Stats.createS3OpenDataStore(
      Aws.createS3Client({ endpoint: options.s3Endpoint }),
      options.openDataBucket,
    ),
    alerts: Alert.createSubscriptionSync(
      Dynamo.createDynamoSubscriptionRecords(client, table),
      Alert.createSnsGateway(
        Aws.createSnsClient({ endpoint: options.sns.endpoint }),
        options.sns.topicArn,
        smsQueues.targetOf,
      ),
    ),
    evidence: createLocalEvidence(
      client,
      table,
      options.evidence.bucket,
      options.evidence.s3Endpoint ?? options.s3Endpoint,
    ),
  };
}

/** Evidence on DynamoDB Local and s3rver: the same adapters as in AWS, with no Object Lock (s3rver has none). */
export function createLocalEvidence(
  client: ReturnType<typeof Db.createDocumentClient>,
  table: string,
  bucket: string,
  s3Endpoint: string,
): Evidence.EvidenceDeps {
  return {
    store: Dynamo.createDynamoEvidenceStore(client, table),
    files: Evidence.createS3EvidenceFiles(Aws.createS3Client({ endpoint: s3Endpoint }), bucket, {
      endpoint: s3Endpoint,
    }),
  };
}
