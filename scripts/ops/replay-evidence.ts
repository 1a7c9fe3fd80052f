/**
 * `npm run ops -- replay-evidence --stage S [--discard-gone] [--dry-run]`: S3 events that
 * evidence-uploaded failed three times sit in the `evidenceUploadedFailures` queue, each an asynchronous
 * invocation's on-failure record with the original S3 event in `requestPayload`. Each upload is handed to
 * the deployed function again, one record per invocation; processing is idempotent (core
 * evidence/processing.ts: an attached slot is a duplicate). An upload the lifecycle rule already deleted
 * (unprocessed uploads go after 2 days) comes back `gone`: its report and photo slot are listed, and its
 * message is kept unless `--discard-gone`, so nobody loses the list by running the tool twice.
 */
import type { SQSClient } from "@aws-sdk/client-sqs";
import { Evidence } from "@lapora/core";
import * as z from "zod";
import { drainQueue, type QueueRun } from "./queue";

/** An asynchronous invocation's on-failure record (Lambda destinations), for an S3 event. */
export const AsyncFailure = z.object({
  requestContext: z.object({ condition: z.string().optional() }).optional(),
  requestPayload: z.object({
    Records: z.array(
      z.looseObject({
        eventName: z.string(),
        s3: z.looseObject({
          bucket: z.looseObject({ name: z.string() }),
          object: z.looseObject({ key: z.string() }),
        }),
      }),
    ),
  }),
});

/** Hands an S3 event to evidence-uploaded: the deployed function (invoke), or its handler in process. */
export type EvidenceUploaded = (event: { Records: unknown[] }) => Promise<unknown>;

export interface ReplayEvidenceDeps {
  sqs: SQSClient;
  queueUrl: string;
  evidenceUploaded: EvidenceUploaded;
  log?: (line: string) => void;
}

export interface ReplayEvidenceRun {
  queue: QueueRun;
  /** Uploads handed over, by what evidence-uploaded made of them (attached, duplicate, rejected, ...). */
  outcomes: Record<string, number>;
  /** Photos whose upload is no longer in the bucket: the report and slot, to tell the reporter. */
  gone: { reportId: string; slot: number }[];
}

// S3 writes keys in events URL-encoded, with "+" for a space.
const decodeKey = (key: string) => decodeURIComponent(key.replace(/\+/g, " "));

/** Replays every upload on the evidence failure queue; see the file's header. */
export async function replayEvidence(
  deps: ReplayEvidenceDeps,
  options: { discardGone?: boolean; dryRun?: boolean } = {},
): Promise<ReplayEvidenceRun> {
  const run: ReplayEvidenceRun = {
    queue: { received: 0, deleted: 0, kept: 0, unreadable: 0 },
    outcomes: {},
    gone: [],
  };
  run.queue = await drainQueue(
    deps.sqs,
    deps.queueUrl,
    async (body) => {
      const { Records } = AsyncFailure.parse(body).requestPayload;
      let keep = false;
      for (const record of Records) {
        const key = decodeKey(record.s3.object.key);
        if (!record.eventName.startsWith("ObjectCreated:") || !key.startsWith(Evidence.ORIGINAL_PREFIX))
          continue;
        if (options.dryRun) {
          run.outcomes.pending = (run.outcomes.pending ?? 0) + 1;
          continue;
        }
        const answer = await deps.evidenceUploaded({ Records: [record] });
        const outcome = (Array.isArray(answer) ? answer[0] : undefined) as { outcome?: string } | undefined;
        const name = outcome?.outcome ?? "skipped";
        run.outcomes[name] = (run.outcomes[name] ?? 0) + 1;
        if (name === "gone") {
          const place = Evidence.parseOriginalKey(key);
          if (place) run.gone.push(place);
          if (!options.discardGone) keep = true;
        }
      }
      return keep || options.dryRun ? "keep" : "done";
    },
    { ...(options.dryRun ? { dryRun: true } : {}), ...(deps.log ? { log: deps.log } : {}) },
  );
  return run;
}

/** The run in a few lines: counts, and the report ids and slots of photos lost; no reporter data. */
export function describeEvidenceRun(run: ReplayEvidenceRun, dryRun = false): string {
  const q = run.queue;
  const outcomes = Object.entries(run.outcomes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  const lines = [
    `${q.received} message(s) on the failure queue${q.unreadable ? ` (${q.unreadable} unreadable)` : ""}; uploads: ${outcomes || "none"}; ${dryRun ? "dry run: nothing replayed, nothing deleted" : `${q.deleted} message(s) deleted, ${q.kept} kept`}`,
  ];
  if (run.gone.length > 0) {
    lines.push("No longer in the bucket (these photos never reached their report):");
    for (const g of run.gone) lines.push(`  report ${g.reportId} photo ${g.slot}`);
  }
  return lines.join("\n");
}
