import { Alert } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import * as z from "zod/mini";
import { loadEscalationConfig } from "../config";
import { lambdaClients } from "../deps";
import { lambdaHandler } from "../lambda";

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

/** The `escalation` Lambda, every minute (stacks/Alerts.ts). */
export const handler = lambdaHandler({
  service: "escalation",
  config: loadEscalationConfig,
  init: (config, log) => {
    const { dynamo } = lambdaClients(config);
    const store = Dynamo.createDynamoEscalationStore(dynamo, config.TABLE_NAME);
    return async (event: unknown) => {
      const result = await runEscalation(store, config.ESCALATION_MINUTES, event);
      log.info("escalation checked", { checked: result.checked, escalated: result.escalated });
      return result;
    };
  },
});
