import { randomUUID } from "node:crypto";
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
