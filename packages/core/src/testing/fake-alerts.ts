/**
 * In-memory AlertMarkerStore and AlertPublisher. The markers follow adapters/dynamo/marker-store.ts: a
 * claim is a conditional put (free, or a `sending` claim whose lease ran out), release and markSent
 * are conditional on the claim id. Each call is atomic, as a conditional write is, but yields first, so
 * concurrent runs interleave.
 */
import type { AlertMarkerStore, ClaimOutcome } from "../alert/delivery";
import type { AlertPublisher } from "../alert/publisher";
import type { Alert, AlertKind } from "../alert/types";
import { Faults, type Journal, tick } from "./fake-kit";

/** A stored marker, as the adapter writes it. */
export interface Marker {
  state: "sending" | "sent";
  claimId: string;
  leaseUntil: number;
  at: string;
  messageId?: string;
}

const conditionFailed = () => {
  const err = new Error("The conditional request failed");
  err.name = "ConditionalCheckFailedException";
  return err;
};

/** The "alert sent" markers in memory, one per report and kind. */
export class FakeMarkerStore implements AlertMarkerStore {
  readonly markers = new Map<string, Marker>();
  readonly faults = new Faults<"claim" | "release" | "markSent">();
  constructor(private readonly journal: Journal = []) {}

  /** The marker of one alert, if any. */
  marker(reportId: string, kind: AlertKind): Marker | undefined {
    return this.markers.get(`${reportId}#${kind}`);
  }

  async claim(
    reportId: string,
    kind: AlertKind,
    claimId: string,
    nowMs: number,
    leaseMs: number,
  ): Promise<ClaimOutcome> {
    this.journal.push(`markers.claim ${reportId}#${kind}`);
    await tick();
    this.faults.check("claim");
    const held = this.marker(reportId, kind);
    if (!held || (held.state === "sending" && held.leaseUntil < nowMs)) {
      const at = new Date(nowMs).toISOString();
      this.markers.set(`${reportId}#${kind}`, { state: "sending", claimId, leaseUntil: nowMs + leaseMs, at });
      return "claimed";
    }
    return held.state === "sent" ? "sent" : "busy";
  }

  async release(reportId: string, kind: AlertKind, claimId: string) {
    this.journal.push(`markers.release ${reportId}#${kind}`);
    await tick();
    this.faults.check("release");
    // Only our own claim: a run whose lease was taken over must not free the new holder's.
    if (this.marker(reportId, kind)?.claimId === claimId) this.markers.delete(`${reportId}#${kind}`);
  }

  async markSent(reportId: string, kind: AlertKind, claimId: string, messageId: string, nowMs: number) {
    this.journal.push(`markers.markSent ${reportId}#${kind}`);
    await tick();
    this.faults.check("markSent");
    const held = this.marker(reportId, kind);
    if (!held || held.claimId !== claimId) throw conditionFailed();
    this.markers.set(`${reportId}#${kind}`, {
      ...held,
      state: "sent",
      messageId,
      at: new Date(nowMs).toISOString(),
    });
  }
}

/** An SNS topic in memory: keeps what it took and answers with a message id. */
export class FakeAlertPublisher implements AlertPublisher {
  readonly published: Alert[] = [];
  readonly faults = new Faults<"publish">();
  constructor(private readonly journal: Journal = []) {}

  async publish(alert: Alert) {
    this.journal.push(`publisher.publish ${alert.reportId}#${alert.kind}`);
    await tick();
    this.faults.check("publish");
    this.published.push(structuredClone(alert));
    return `msg-${this.published.length}`;
  }
}
