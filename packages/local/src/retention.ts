import { Reporter } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import { clientsFor, retentionDeps } from "@lapora/functions/deps";

/**
 * The contact-retention job on one machine (reporter/retention.ts): the same core and DynamoDB adapters
 * as the Lambda, against DynamoDB Local. `npm start` runs it every hour; `npm run retention` on demand.
 */
export function createLocalRetentionDeps(dynamoEndpoint: string, table: string): Reporter.RetentionDeps {
  return retentionDeps({
    clients: clientsFor({ dynamoEndpoint }),
    names: { table },
    dynamo: async () => Dynamo,
  });
}

/** One run, and its result as one line of JSON (counts only: nothing about any reporter). */
export async function runLocalRetention(deps: Reporter.RetentionDeps, days: number, at = new Date()) {
  return { days, at: at.toISOString(), ...(await Reporter.runRetention(deps, at, days)) };
}

/** Every hour for as long as the runtime lives (AWS runs it daily at 02:00 WIB); the first run at once. */
export function scheduleRetention(
  deps: Reporter.RetentionDeps,
  days: number,
  log: (line: string) => void,
): () => void {
  const run = async () => {
    try {
      const r = await runLocalRetention(deps, days);
      if (r.erased > 0)
        log(`contact-retention: erased ${r.erased} reporters' contact (${days} days after closing)`);
    } catch (err) {
      log(`contact-retention: failed: ${(err as Error).message}`);
    }
  };
  void run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
