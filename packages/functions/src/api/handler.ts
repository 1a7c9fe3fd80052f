import { Alert, parseReportLimits, Report } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import { handle } from "hono/aws-lambda";
import { loadApiConfig } from "../config";
import { apiDeps, lambdaClients } from "../deps";
import { lambdaHandler } from "../lambda";
import { createMetrics } from "../metrics";
import { createApp } from "./app";
import { createTokenVerifier } from "./auth";
import { lambdaClientAddress } from "./client-address";

type ApiEvent = Parameters<ReturnType<typeof handle>>[0];

/**
 * The `api` Lambda: API Gateway HTTP API (payload v2) -> Hono. Stores and SDK clients are built on first
 * use (Aws.lazyPort, Aws.create*Client), so a cold start pays only for what its request needs. The
 * DynamoDB adapters and ElectroDB are their own chunk (code splitting, stacks/Api.ts), loaded with the
 * first request that reads or writes the table: a cold start that serves regions, statistics files or a
 * preflight never parses it.
 */
export const handler = lambdaHandler({
  service: "api",
  eager: true,
  config: loadApiConfig,
  init: (config, log) => {
    const cognito = Aws.createCognitoClient({ region: config.AWS_REGION });
    const deps = apiDeps(
      {
        clients: lambdaClients(config),
        names: {
          table: config.TABLE_NAME,
          openDataBucket: config.OPEN_DATA_BUCKET,
          evidenceBucket: config.EVIDENCE_BUCKET,
          alertsTopicArn: config.ALERTS_TOPIC_ARN,
        },
        dynamo: Aws.lazy(() => import("@lapora/core/dynamo")),
      },
      {
        directory: Aws.createCognitoDirectory(cognito, config.USER_POOL_ID),
        signIn: Aws.createCognitoSignIn(cognito, config.AUTH_AUDIENCE),
        verifyToken: createTokenVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }),
      },
      {
        secret: config.SOURCE_KEY_SECRET,
        limits: parseReportLimits(config.REPORT_LIMITS),
        targets: Report.parseServiceTargets(config.SERVICE_TARGETS),
      },
      { vapidPublicKey: config.VAPID_PUBLIC_KEY ?? "", allowedOrigins: Alert.PUSH_SERVICE_ORIGINS },
    );
    const serve = handle(
      createApp({ ...deps, metrics: createMetrics(config.METRICS_NAMESPACE) }, log, {
        ...(config.API_SURFACE ? { surface: config.API_SURFACE } : {}),
        ...(config.ORIGIN_SECRET ? { originSecret: config.ORIGIN_SECRET } : {}),
        sourceOf: lambdaClientAddress(config.ORIGIN_SECRET),
      }),
    );
    return (event: ApiEvent, context) => serve(event, context as Parameters<typeof serve>[1]);
  },
});
