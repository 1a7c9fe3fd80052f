import * as Aws from "@lapora/core/aws";
import * as Dynamo from "@lapora/core/dynamo";
import type { ApiDeps } from "@lapora/functions/api/app";
import { createTokenVerifier } from "@lapora/functions/api/auth";
import { type AdmissionSettings, apiDeps, clientsFor, type PushWiring } from "@lapora/functions/deps";
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
  /** Limits by source (default core's REPORT_LIMITS) and the source-key secret (default one per process). */
  admission?: AdmissionSettings;
  /** The push services accepted and the VAPID public key (push is off without it). */
  push?: PushWiring;
}): ApiDeps & {
  client: ReturnType<typeof Aws.createDocumentClient>;
  localDirectory: ReturnType<typeof createLocalDirectory>;
  smsQueues: ReturnType<typeof createLocalSmsQueues>;
  sqs: ReturnType<typeof createLocalSqsClient>;
} {
  const { tableName: table, issuer } = options;
  const clients = clientsFor({
    dynamoEndpoint: options.dynamoEndpoint,
    s3Endpoint: options.s3Endpoint,
    snsEndpoint: options.sns.endpoint,
  });
  const evidenceEndpoint = options.evidence.s3Endpoint ?? options.s3Endpoint;
  if (evidenceEndpoint !== options.s3Endpoint) {
    clients.evidenceS3 = Aws.createS3Client({ endpoint: evidenceEndpoint });
    clients.presign = { endpoint: evidenceEndpoint };
  }
  const client = clients.dynamo;
  const directory = createLocalDirectory(client, table);
  const sqs = createLocalSqsClient(options.sns.endpoint);
  // Named after the table, so test files sharing one fauxqs never share an officer's inbox.
  const smsQueues = createLocalSmsQueues(sqs, table);
  const deps = apiDeps(
    {
      clients,
      names: {
        table,
        openDataBucket: options.openDataBucket,
        evidenceBucket: options.evidence.bucket,
        alertsTopicArn: options.sns.topicArn,
      },
      dynamo: async () => Dynamo,
      smsTarget: smsQueues.targetOf,
    },
    {
      directory,
      signIn: createLocalSignIn(client, table, issuer),
      verifyToken: createTokenVerifier({
        issuer: issuer.issuer,
        audience: issuer.audience,
        ...(options.jwks === "in-process" ? { keys: createLocalJWKSet(issuer.jwks) } : {}),
      }),
    },
    options.admission,
    options.push,
  );
  return { ...deps, client, localDirectory: directory, smsQueues, sqs };
}
