import { PutBucketCorsCommand } from "@aws-sdk/client-s3";
import { Evidence } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import { createSharpImages } from "@lapora/core/sharp";
import { createEvidenceUploadedHandler } from "@lapora/functions/events/evidence-uploaded";
import type S3rver from "s3rver";

// Lambda retries a failed asynchronous invocation twice; here the waits are short.
const RETRY_DELAYS_MS = [1_000, 2_000];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LocalEvidenceUploads {
  /** Resolves when every event received so far has been handled (tests wait on it). */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * S3's ObjectCreated notification to `evidence-uploaded`, on one machine: s3rver's object events go to the
 * same handler with the same event shape, filtered as the bucket notification filters them in AWS
 * (this bucket, ObjectCreated, prefix `evidence/`, so writing a display copy triggers nothing).
 * Also lets the app's origins POST to the bucket (CORS), with the rules the stack puts on S3.
 */
export async function startLocalEvidence(options: {
  server: S3rver;
  s3Endpoint: string;
  bucket: string;
  evidence: Evidence.EvidenceDeps;
  appOrigins: readonly string[];
  log?: (entry: Record<string, unknown>) => void;
}): Promise<LocalEvidenceUploads> {
  const s3 = Aws.createS3Client({ endpoint: options.s3Endpoint });
  try {
    await (await s3()).send(
      new PutBucketCorsCommand({
        Bucket: options.bucket,
        CORSConfiguration: { CORSRules: Evidence.uploadCorsRules(options.appOrigins) },
      }),
    );
  } finally {
    (await s3()).destroy();
  }
  const log = options.log ?? ((entry) => console.error(JSON.stringify(entry)));
  const handler = createEvidenceUploadedHandler({
    bucket: options.bucket,
    ...options.evidence,
    images: createSharpImages(),
    retentionDays: 0,
    log: (entry) => {
      if (entry.level !== "info") log(entry);
    },
  });
  const pending = new Set<Promise<void>>();
  let stopped = false;

  const deliver = async (event: { Records: unknown[] }) => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await handler(event);
        return;
      } catch (err) {
        const wait = RETRY_DELAYS_MS[attempt];
        if (wait === undefined) {
          log({ level: "error", message: `evidence-uploaded gave up: ${(err as Error).message}` });
          return;
        }
        await sleep(wait);
      }
    }
  };

  const listener = (event: { Records: unknown[] }) => {
    const wanted = event.Records.filter((r) => {
      const s3 = (r as { eventName?: string; s3?: { bucket?: { name?: string }; object?: { key?: string } } })
        .s3;
      const name = (r as { eventName?: string }).eventName ?? "";
      return (
        name.startsWith("ObjectCreated:") &&
        s3?.bucket?.name === options.bucket &&
        s3.object?.key?.startsWith(Evidence.ORIGINAL_PREFIX)
      );
    });
    if (wanted.length === 0) return;
    const p = deliver({ Records: wanted }).finally(() => pending.delete(p));
    pending.add(p);
  };
  options.server.on("event", listener);

  return {
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    stop() {
      stopped = true;
      options.server.off("event", listener);
    },
  };
}

/** The origins a browser may use for the local app: `localhost` and `127.0.0.1` reach the same server. */
export function appOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const twin = new URL(publicUrl);
  if (url.hostname === "localhost") twin.hostname = "127.0.0.1";
  else if (url.hostname === "127.0.0.1") twin.hostname = "localhost";
  return [...new Set([url.origin, twin.origin])];
}
