import { unmarshall } from "@aws-sdk/util-dynamodb";
import { Alert, Metrics } from "@lapora/core";
import { loadAlertsConfig } from "../config";
import { lambdaAlertDeps } from "../deps";
import { entryLog, lambdaHandler } from "../lambda";
import { createMetrics } from "../metrics";
import { SequenceOnly, StreamEvent, StreamRecord } from "./stream-event";

/** Stream records are handled this many at a time: alerts of different reports do not depend on each other. */
const CONCURRENCY = 10;

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

export interface ReportEventsDeps {
  delivery: Alert.DispatchDeps;
  log?: (entry: Record<string, unknown>) => void;
  /** Where the alerts sent are counted, by channel (none when absent). */
  metrics?: Metrics.Metrics;
}

/**
 * The `report-events` consumer of the table's stream: for each inserted report, release, escalation or
 * quarantine summary, dispatches its alert to the officers it is routed to, by push and SMS
 * (Alert.dispatchAlert; its markers make retries safe). A record whose alert could not be sent (SNS or
 * DynamoDB unavailable) is reported in `batchItemFailures`, so only it and those after it come again; a
 * malformed record is logged and skipped; a batch that is not a stream event throws.
 */
export function createReportEventsHandler(deps: ReportEventsDeps) {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const metrics = deps.metrics ?? Metrics.noMetrics;

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

  async function handle(raw: unknown, delivery: Alert.DispatchDeps): Promise<string | undefined> {
    const alert = alertOf(raw);
    if (!alert) return undefined;
    try {
      const result = await Alert.dispatchAlert(delivery, alert);
      log({ level: "info", outcome: "dispatched", kind: alert.kind, reportId: alert.reportId, ...result });
      metrics.count("AlertsSent", { channel: "push" }, result.pushed);
      metrics.count("AlertsSent", { channel: "sms" }, result.sms);
      return undefined;
    } catch (err) {
      log({ level: "error", outcome: "retry", message: (err as Error).message, reportId: alert.reportId });
      return SequenceOnly.parse(raw).dynamodb.SequenceNumber;
    }
  }

  return async (event: unknown): Promise<BatchResponse> => {
    const { Records } = StreamEvent.parse(event);
    // One roster read per batch, as it is now: an officer added a moment ago is routed this batch's alerts.
    const delivery = { ...deps.delivery, roster: Alert.rosterOnce(deps.delivery.roster) };
    const failed: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < Records.length) {
        const id = await handle(Records[next++], delivery);
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
  init: (config, log) =>
    createReportEventsHandler({
      delivery: lambdaAlertDeps(config, entryLog(log)),
      log: entryLog(log),
      metrics: createMetrics(config.METRICS_NAMESPACE),
    }),
});
