import { Db, Report } from "@lapora/core";
import { handle } from "hono/aws-lambda";
import { loadConfig } from "../config";
import { createApp } from "./app";

const config = loadConfig();
const client = Db.createDocumentClient({
  region: config.AWS_REGION,
  ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
});

/** The `api` Lambda: API Gateway HTTP API (payload v2) -> Hono. */
export const handler = handle(
  createApp({ reports: Report.createDynamoReportStore(client, config.TABLE_NAME) }),
);
