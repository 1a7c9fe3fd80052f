import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { Audit, Db, Officer, Report } from "@lapora/core";
import { handle } from "hono/aws-lambda";
import { loadConfig } from "../config";
import { createApp } from "./app";
import { createTokenVerifier } from "./auth";

const config = loadConfig();
const client = Db.createDocumentClient({
  region: config.AWS_REGION,
  ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
});
const cognito = new CognitoIdentityProviderClient({ region: config.AWS_REGION });
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
  }),
);
