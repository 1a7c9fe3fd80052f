import { randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createAlertEntities } from "./entities";
import type { AlertPublisher } from "./publisher";
import type { Alert, AlertKind } from "./types";

/** How a claim on an alert ended: ours to send, already sent, or held by a run that may still send it. */
export type ClaimOutcome = "claimed" | "sent" | "busy";

/** The "alert sent" markers, one per report and alert kind. */
export interface AlertMarkerStore {
  /** Claims the alert for `claimId` unless it was sent or another live claim holds it. */
  claim(
    reportId: string,
    kind: AlertKind,
    claimId: string,
    nowMs: number,
    leaseMs: number,
  ): Promise<ClaimOutcome>;
  /** Drops our claim after a publish that certainly failed, so a retry sends it. */
  release(reportId: string, kind: AlertKind, claimId: string): Promise<void>;
  markSent(
    reportId: string,
    kind: AlertKind,
    claimId: string,
    messageId: string,
    nowMs: number,
  ): Promise<void>;
}

/** Markers outlive every stream retry (records live 24 hours) by far; then TTL removes them. */
const MARKER_TTL_SECONDS = 30 * 86_400;

const conditionFailed = (err: unknown) =>
  /ConditionalCheckFailed|conditional request failed/i.test(
    `${(err as Error)?.name} ${(err as Error)?.message}`,
  );

/** The DynamoDB adapter of AlertMarkerStore: conditional writes on one marker item per alert. */
export function createDynamoMarkerStore(client: DynamoDBDocumentClient, table: string): AlertMarkerStore {
  const { alertMarker } = createAlertEntities(client, table);
  return {
    async claim(reportId, kind, claimId, nowMs, leaseMs) {
      try {
        await alertMarker
          .put({
            reportId,
            kind,
            state: "sending",
            claimId,
            leaseUntil: nowMs + leaseMs,
            at: new Date(nowMs).toISOString(),
            expiresAt: Math.floor(nowMs / 1000) + MARKER_TTL_SECONDS,
          })
          // Free, or a `sending` claim whose lease ran out: its run crashed (see deliverOnce).
          .where(
            (a, op) =>
              `${op.notExists(a.reportId)} OR (${op.eq(a.state, "sending")} AND ${op.lt(a.leaseUntil, nowMs)})`,
          )
          .go();
        return "claimed";
      } catch (err) {
        if (!conditionFailed(err)) throw err;
        const { data } = await alertMarker.get({ reportId, kind }).go({ consistent: true });
        return data?.state === "sent" ? "sent" : "busy";
      }
    },
    async release(reportId, kind, claimId) {
      try {
        await alertMarker
          .delete({ reportId, kind })
          .where((a, op) => op.eq(a.claimId, claimId))
          .go();
      } catch (err) {
        if (!conditionFailed(err)) throw err;
      }
    },
    async markSent(reportId, kind, claimId, messageId, nowMs) {
      await alertMarker
        .patch({ reportId, kind })
        .set({ state: "sent", messageId, at: new Date(nowMs).toISOString() })
        .where((a, op) => op.eq(a.claimId, claimId))
        .go();
    },
  };
}

/** A claim another run holds: the record is retried later rather than sent twice now. */
export class AlertBusyError extends Error {
  constructor(alert: Alert) {
    super(`Alert ${alert.kind} of report ${alert.reportId} is being sent by another run.`);
    this.name = "AlertBusyError";
  }
}

export interface DeliveryDeps {
  markers: AlertMarkerStore;
  publisher: AlertPublisher;
  /** At least the consumer's timeout: after it, a claim's holder can no longer be publishing. */
  leaseMs: number;
  now?: () => number;
}

/**
 * Publishes an alert at most once per report and kind, across stream retries and concurrent runs.
 *
 * A conditional "sending" claim is written before Publish and turned into "sent" after it. When Publish
 * fails, SNS did not take the message, so the claim is released and the stream retries it: no alert is
 * lost to an SNS outage. The one gap is a crash after SNS took the message but before the "sent" write.
 * Then the claim's lease runs out and a retry publishes again. We chose that side on purpose: a second
 * SMS about an emergency costs cents, a lost one can cost a life, and the gap is a single DynamoDB write.
 */
export async function deliverOnce(
  deps: DeliveryDeps,
  alert: Alert,
): Promise<"published" | "published_unmarked" | "already_sent"> {
  const now = deps.now ?? Date.now;
  const claimId = randomUUID();
  const claim = await deps.markers.claim(alert.reportId, alert.kind, claimId, now(), deps.leaseMs);
  if (claim === "sent") return "already_sent";
  if (claim === "busy") throw new AlertBusyError(alert);
  let messageId: string;
  try {
    messageId = await deps.publisher.publish(alert);
  } catch (err) {
    // If even the release fails, the lease runs out instead; the publish error is the one to report.
    await deps.markers.release(alert.reportId, alert.kind, claimId).catch(() => undefined);
    throw err;
  }
  try {
    await deps.markers.markSent(alert.reportId, alert.kind, claimId, messageId, now());
    return "published";
  } catch {
    // The SMS went out. Failing the record now would make its retry send it again once the lease ends.
    return "published_unmarked";
  }
}
