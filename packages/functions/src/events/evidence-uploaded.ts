import { Evidence, Metrics } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import * as Dynamo from "@lapora/core/dynamo";
import { createSharpImages } from "@lapora/core/sharp";
import { loadEvidenceConfig } from "../config";
import { lambdaClients } from "../deps";
import { entryLog, lambdaHandler } from "../lambda";
import { countEach, createMetrics } from "../metrics";
import { decodeKey, S3Event } from "./s3-event";

export interface EvidenceUploadedDeps extends Evidence.ProcessDeps {
  bucket: string;
  /** Where photos accepted and refused are counted (none when absent). */
  metrics?: Metrics.Metrics;
}

/** The outcomes the dashboard counts; duplicates, gone and ignored uploads are retries or races. */
const COUNTED = { attached: "accepted", rejected: "refused" } as const;

/**
 * The `evidence-uploaded` consumer: every ObjectCreated record of an original under `evidence/` goes
 * through Evidence.processUpload. A record that fails makes the invocation fail, so S3's asynchronous
 * invocation retries the event; processing is idempotent, so records that had succeeded are no-ops.
 */
export function createEvidenceUploadedHandler(deps: EvidenceUploadedDeps) {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  return async (event: unknown) => {
    const { Records } = S3Event.parse(event);
    const outcomes: Evidence.ProcessOutcome[] = [];
    let failure: unknown;
    for (const record of Records) {
      const key = decodeKey(record.s3.object.key);
      if (!record.eventName.startsWith("ObjectCreated:") || !key.startsWith(Evidence.ORIGINAL_PREFIX))
        continue;
      if (record.s3.bucket.name !== deps.bucket) {
        log({ level: "warn", message: "event of another bucket", bucket: record.s3.bucket.name });
        continue;
      }
      const { size = 0, eTag, versionId } = record.s3.object;
      try {
        outcomes.push(
          await Evidence.processUpload(
            { ...deps, log },
            { key, size, ...(eTag ? { eTag } : {}), ...(versionId ? { versionId } : {}) },
          ),
        );
      } catch (err) {
        log({ level: "error", key, message: (err as Error).message, name: (err as Error).name });
        failure ??= err;
      }
    }
    countEach(
      deps.metrics ?? Metrics.noMetrics,
      "Photos",
      outcomes.flatMap((o) =>
        o.outcome in COUNTED ? [{ outcome: COUNTED[o.outcome as keyof typeof COUNTED] }] : [],
      ),
    );
    if (failure) throw failure;
    return outcomes;
  };
}

/** The `evidence-uploaded` Lambda, on the evidence bucket's ObjectCreated notifications (stacks/Evidence.ts). */
export const handler = lambdaHandler({
  service: "evidence-uploaded",
  config: loadEvidenceConfig,
  init: (config, log) => {
    const clients = lambdaClients(config);
    const consume = createEvidenceUploadedHandler({
      bucket: config.EVIDENCE_BUCKET,
      store: Dynamo.createDynamoEvidenceStore(clients.dynamo, config.TABLE_NAME),
      files: Aws.createS3EvidenceFiles(clients.s3, config.EVIDENCE_BUCKET, {
        region: config.AWS_REGION,
        objectLock: config.EVIDENCE_RETENTION_DAYS > 0,
      }),
      images: createSharpImages(),
      retentionDays: config.EVIDENCE_RETENTION_DAYS,
      log: entryLog(log),
      metrics: createMetrics(config.METRICS_NAMESPACE),
    });
    return (event: unknown) => consume(event);
  },
});
