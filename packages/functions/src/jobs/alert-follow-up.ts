import { Alert, Reporter } from "@lapora/core";
import * as z from "zod/mini";
import { loadAlertsConfig } from "../config";
import { lambdaAlertDeps } from "../deps";
import { entryLog, lambdaHandler } from "../lambda";
import { createMetrics } from "../metrics";

// EventBridge scheduled events carry the scheduled `time`; the daily rule adds `task: "digest"`.
const Event = z.object({
  time: z.optional(z.iso.datetime()),
  task: z._default(z.enum(["follow-up", "digest"]), "follow-up"),
});

/**
 * One run of the alert follow-up job at `event.time` (else now): every minute, the `tinggi` SMS of
 * officers who have not acknowledged within the window (Alert.runFollowUps); once a day, with
 * `task: "digest"`, the digest SMS to officers whose push devices all fail (Alert.runDigests). Every
 * minute also sends the reporters' SMS updates that are due (Reporter.runReporterUpdates).
 */
export async function runAlertFollowUp(
  deps: Alert.FollowUpDeps & Alert.DigestDeps & Reporter.UpdateDeps,
  event: unknown = {},
) {
  const parsed = Event.safeParse(event ?? {});
  if (!parsed.success) throw new Error(`Unexpected event: ${JSON.stringify(event)}`);
  const at = parsed.data.time ? new Date(parsed.data.time) : new Date();
  if (parsed.data.task === "digest")
    return { task: "digest" as const, ...(await Alert.runDigests(deps, at)) };
  return {
    task: "follow-up" as const,
    ...(await Alert.runFollowUps(deps, at)),
    // The reporters' SMS updates owed by now (reporter/updates.ts), in the same minute's run.
    reporterUpdates: await Reporter.runReporterUpdates(deps, at),
  };
}

/** The `alert-follow-up` Lambda: every minute, and daily for the digest (stacks/Alerts.ts). */
export const handler = lambdaHandler({
  service: "alert-follow-up",
  config: loadAlertsConfig,
  init: (config, log) => {
    const deps = lambdaAlertDeps(config, entryLog(log));
    const metrics = createMetrics(config.METRICS_NAMESPACE);
    return async (event: unknown) => {
      const result = await runAlertFollowUp(deps, event);
      // Officers' SMS (tinggi follow-ups, digests); reporters' updates are not alerts.
      metrics.count("AlertsSent", { channel: "sms" }, result.sent);
      log.info("alert follow-up", result);
      return result;
    };
  },
});
