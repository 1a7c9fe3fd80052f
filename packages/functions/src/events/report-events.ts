import { unmarshall } from "@aws-sdk/util-dynamodb";
import { Alert } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import * as Dynamo from "@lapora/core/dynamo";
import { loadAlertsConfig } from "../config";
import { lambdaClients } from "../deps";
import { entryLog, lambdaHandler } from "../lambda";
import { SequenceOnly, StreamEvent, StreamRecord } from "./stream-event";

/** Stream records are handled this many at a time: alerts of different reports do not depend on each other. */
const CONCURRENCY = 10;

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

export interface ReportEventsDeps {
  delivery: Alert.DeliveryDeps;
  log?: (entry: Record<string, unknown>) => void;
}

/**
 * The `report-events` consumer of the table's stream: for each inserted report or escalation, publishes
 * its one alert (Alert.deliverOnce makes retries safe). A record whose alert could not be sent (SNS or
 * DynamoDB unavailable) is reported in `batchItemFailures`, so only it and those after it come again; a
 * malformed record is logged and skipped; a batch that is not a stream event throws.
 */
export function createReportEventsHandler(deps: ReportEventsDeps) {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));

  /** The alert a record calls for; null for other records, and for one no retry could ever parse. */
  function alertOf(raw: unknown): Alert.Alert | null {
    try {
      const record = StreamRecord.parse(raw);
      const image = record.dynamodb.NewImage;
      if (record.eventName !== "INSERT" || !image) return null;
      return Alert.alertFromImage(unmarshall(image));
    } catch (err) {
      // A malformed item is a bug, not an outage: retrying it would hold up every alert behind it in the
      // shard until the record expires. It is logged at error level (and alarmed on) instead.
      log({ level: "error", outcome: "malformed_record_skipped", message: (err as Error).message });
      return null;
    }
  }

  async function handle(raw: unknown): Promise<string | undefined> {
    const alert = alertOf(raw);
    if (!alert) return undefined;
    try {
      const outcome = await Alert.deliverOnce(deps.delivery, alert);
      log({
        level: outcome === "published_unmarked" ? "warn" : "info",
        outcome,
        kind: alert.kind,
        reportId: alert.reportId,
      });
      return undefined;
    } catch (err) {
      log({ level: "error", outcome: "retry", message: (err as Error).message, reportId: alert.reportId });
      return SequenceOnly.parse(raw).dynamodb.SequenceNumber;
    }
  }

  return async (event: unknown): Promise<BatchResponse> => {
    const { Records } = StreamEvent.parse(event);
    const failed: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < Records.length) {
        const id = await handle(Records[next++]);
        if (id) failed.push(id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Records.length) }, worker));
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

/** The `report-events` Lambda, on the table's stream (stacks/Alerts.ts). */
export const handler = lambdaHandler({
  service: "report-events",
  config: loadAlertsConfig,
  init: (config, log) => {
    const { dynamo, sns } = lambdaClients(config);
    const publisher = Aws.createSnsPublisher(sns, config.ALERTS_TOPIC_ARN, {
      consoleUrl: config.CONSOLE_URL,
      ...(config.SMS_SENDER_ID ? { senderId: config.SMS_SENDER_ID } : {}),
      ...(config.SMS_MAX_PRICE_USD ? { maxPriceUsd: config.SMS_MAX_PRICE_USD } : {}),
    });
    const consume = createReportEventsHandler({
      delivery: {
        markers: Dynamo.createDynamoMarkerStore(dynamo, config.TABLE_NAME),
        publisher,
        leaseMs: config.ALERT_LEASE_SECONDS * 1000,
      },
      log: entryLog(log),
    });
    return (event: unknown) => consume(event);
  },
});
