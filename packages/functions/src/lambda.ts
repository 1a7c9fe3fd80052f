import { Logger } from "@aws-lambda-powertools/logger";
import type { Log } from "./api/log";

/** Lambda's context, as Powertools reads it (request id, function name and version, memory). */
export type LambdaContext = Parameters<Logger["addContext"]>[0];

/** The one logger of a Lambda: JSON lines with level, time, service, cold start and the request id. */
export function createLogger(service: string): Logger {
  return new Logger({ serviceName: `lapora-${service}` });
}

/**
 * The one shape of every Lambda entry point: settings parsed once (a missing variable stops the cold
 * start with its name), dependencies built on the first invocation, each invocation logged with its
 * request id, and any error logged before Lambda sees it (so its retry and alarm still happen).
 *
 * `init` gets the parsed config and the logger; what it returns handles each event. With `eager`, both
 * run when the module loads (Lambda's init phase, which has the full CPU): the api does this, so its
 * cold start is paid before the first request. The event consumers build on their first event.
 */
export function lambdaHandler<C, E, R>(options: {
  service: string;
  eager?: boolean;
  config: () => C;
  init: (config: C, log: Log) => (event: E, context?: LambdaContext) => Promise<R>;
}): (event: E, context?: LambdaContext) => Promise<R> {
  const logger = createLogger(options.service);
  let run: ((event: E, context?: LambdaContext) => Promise<R>) | undefined;
  if (options.eager) run = options.init(options.config(), logger);
  return async (event, context) => {
    if (context) logger.addContext(context);
    try {
      run ??= options.init(options.config(), logger);
      return await run(event, context);
    } catch (err) {
      logger.error("invocation failed", { error: err as Error });
      throw err;
    } finally {
      logger.resetKeys();
    }
  };
}

/** A log of entries (`{ level, message | outcome, ...ids }`), as the event consumers write them, onto `log`. */
export function entryLog(log: Log): (entry: Record<string, unknown>) => void {
  return (entry) => {
    const { level, message, ...rest } = entry;
    const text = String(message ?? rest.outcome ?? "event");
    if (level === "error") log.error(text, rest);
    else if (level === "warn") log.warn(text, rest);
    else log.info(text, rest);
  };
}
