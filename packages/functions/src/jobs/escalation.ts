import { Alert, type Officer, Report } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import * as z from "zod/mini";
import { loadEscalationConfig } from "../config";
import { lambdaClients } from "../deps";
import { lambdaHandler } from "../lambda";
import { countEach, createMetrics } from "../metrics";

// EventBridge scheduled events carry the scheduled `time`.
const Event = z.object({ time: z.optional(z.iso.datetime()) });

export interface EscalationJobStores {
  escalations: Alert.EscalationStore;
  quarantine: Report.QuarantineStore;
  /** The active roster and the acknowledgements: a report an officer it was routed to acknowledged does not escalate. */
  roster: () => Promise<Officer.Officer[]>;
  acks: Alert.AckStore;
}

/**
 * One run of the every-minute job at `event.time` (else now): escalates overdue reports (see
 * Alert.escalateOverdue; not those acknowledged by an officer they were routed to), and sums up darurat reports held in quarantine for SPKT, at most once per 15
 * minutes (Report.summariseHeldDarurat). The SMS are sent by report-events when the items reach the stream.
 */
export async function runEscalation(stores: EscalationJobStores, afterMinutes: number, event: unknown = {}) {
  const parsed = Event.safeParse(event ?? {});
  if (!parsed.success) throw new Error(`Unexpected event: ${JSON.stringify(event)}`);
  const now = parsed.data.time ? new Date(parsed.data.time) : new Date();
  const result = await Alert.escalateOverdue(stores.escalations, {
    afterMinutes,
    now,
    acknowledged: Alert.acknowledgedByRouted(Alert.rosterOnce(stores.roster), stores.acks),
  });
  const summary = await Report.summariseHeldDarurat(stores.quarantine, now);
  return { ...result, heldDaruratSummarised: summary?.count ?? 0 };
}

/** The `escalation` Lambda, every minute (stacks/Alerts.ts). */
export const handler = lambdaHandler({
  service: "escalation",
  config: loadEscalationConfig,
  init: (config, log) => {
    const { dynamo } = lambdaClients(config);
    const stores = {
      escalations: Dynamo.createDynamoEscalationStore(dynamo, config.TABLE_NAME),
      quarantine: Dynamo.createDynamoQuarantineStore(dynamo, config.TABLE_NAME),
      roster: Alert.activeRoster(Dynamo.createDynamoOfficerStore(dynamo, config.TABLE_NAME)),
      acks: Dynamo.createDynamoAckStore(dynamo, config.TABLE_NAME),
    };
    const metrics = createMetrics(config.METRICS_NAMESPACE);
    return async (event: unknown) => {
      const result = await runEscalation(stores, config.ESCALATION_MINUTES, event);
      countEach(
        metrics,
        "Escalations",
        result.escalated.map((e) => ({ outcome: e.level })),
      );
      log.info("escalation checked", {
        checked: result.checked,
        escalated: result.escalated,
        heldDaruratSummarised: result.heldDaruratSummarised,
      });
      return result;
    };
  },
});
