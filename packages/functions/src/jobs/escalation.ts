import { Alert, Db } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import * as z from "zod/mini";
import { loadEscalationConfig } from "../config";

// EventBridge scheduled events carry the scheduled `time`.
const Event = z.object({ time: z.optional(z.iso.datetime()) });

/**
 * One run of the escalation check at `event.time` (else now): see Alert.escalateOverdue. The SMS are sent
 * by report-events when the escalation items reach the stream.
 */
export async function runEscalation(store: Alert.EscalationStore, afterMinutes: number, event: unknown = {}) {
  const parsed = Event.safeParse(event ?? {});
  if (!parsed.success) throw new Error(`Unexpected event: ${JSON.stringify(event)}`);
  const now = parsed.data.time ? new Date(parsed.data.time) : new Date();
  return Alert.escalateOverdue(store, { afterMinutes, now });
}

let deps: { store: Alert.EscalationStore; afterMinutes: number } | undefined;

/** The `escalation` Lambda, every minute (stacks/Alerts.ts). */
export async function handler(event: unknown) {
  if (!deps) {
    const config = loadEscalationConfig();
    const client = Db.createDocumentClient({
      region: config.AWS_REGION,
      ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    });
    deps = {
      store: Dynamo.createDynamoEscalationStore(client, config.TABLE_NAME),
      afterMinutes: config.ESCALATION_MINUTES,
    };
  }
  const result = await runEscalation(deps.store, deps.afterMinutes, event);
  console.log(JSON.stringify({ level: "info", checked: result.checked, escalated: result.escalated }));
  return result;
}
