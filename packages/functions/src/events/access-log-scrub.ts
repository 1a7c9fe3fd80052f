import { Audit } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import { loadAccessLogConfig } from "../config";
import { entryLog, lambdaHandler } from "../lambda";
import { decodeKey, S3Event } from "./s3-event";

export interface AccessLogScrubDeps {
  /** The log bucket: events of any other bucket are not this function's. */
  bucket: string;
  files: Audit.AccessLogFiles;
  log?: (entry: Record<string, unknown>) => void;
}

/** What one invocation did, in counts: the only thing it logs (never a record's content). */
export interface ScrubSummary {
  files: number;
  records: number;
  dropped: number;
  gone: number;
}

/**
 * The `access-log-scrub` consumer: each raw access log file S3 delivers under `evidence-access-raw/` is
 * scrubbed into `evidence-access/` and deleted (Audit.scrubAccessLogFile). A file that fails makes the
 * invocation fail, so S3's asynchronous invocation retries the event; the others are then no-ops.
 */
export function createAccessLogScrubHandler(deps: AccessLogScrubDeps) {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  return async (event: unknown): Promise<ScrubSummary> => {
    const { Records } = S3Event.parse(event);
    const summary: ScrubSummary = { files: 0, records: 0, dropped: 0, gone: 0 };
    let failure: unknown;
    for (const record of Records) {
      if (!record.eventName.startsWith("ObjectCreated:")) continue;
      if (record.s3.bucket.name !== deps.bucket) {
        log({ level: "warn", message: "event of another bucket", bucket: record.s3.bucket.name });
        continue;
      }
      try {
        const done = await Audit.scrubAccessLogFile(deps.files, decodeKey(record.s3.object.key));
        if (done.outcome === "scrubbed") {
          summary.files++;
          summary.records += done.records;
          summary.dropped += done.dropped;
        } else if (done.outcome === "gone") summary.gone++;
      } catch (err) {
        log({ level: "error", message: (err as Error).message, name: (err as Error).name });
        failure ??= err;
      }
    }
    // Lines that did not read as records are dropped, not kept: a format change shows here first.
    log({ level: summary.dropped > 0 ? "warn" : "info", message: "access log scrubbed", ...summary });
    if (failure) throw failure;
    return summary;
  };
}

/** The `access-log-scrub` Lambda, on the log bucket's ObjectCreated notifications for raw files (stacks/Storage.ts). */
export const handler = lambdaHandler({
  service: "access-log-scrub",
  config: loadAccessLogConfig,
  init: (config, log) => {
    const s3 = Aws.createS3Client({ region: config.AWS_REGION });
    const consume = createAccessLogScrubHandler({
      bucket: config.ACCESS_LOG_BUCKET,
      files: Aws.createS3AccessLogFiles(s3, config.ACCESS_LOG_BUCKET),
      log: entryLog(log),
    });
    return (event: unknown) => consume(event);
  },
});
