/** How a claim on an alert ended: ours to send, already sent, or held by a run that may still send it. */
export type ClaimOutcome = "claimed" | "sent" | "busy";

/**
 * The "sent" markers, one per report and key: the alert kind, or for one officer's channel
 * `{kind}#sms#{nrp}` and `{kind}#push#{nrp}#{deviceId}` (dispatch.ts).
 */
export interface AlertMarkerStore {
  /** Claims the alert for `claimId` unless it was sent or another live claim holds it. */
  claim(
    reportId: string,
    kind: string,
    claimId: string,
    nowMs: number,
    leaseMs: number,
  ): Promise<ClaimOutcome>;
  /** Drops our claim after a publish that certainly failed, so a retry sends it. */
  release(reportId: string, kind: string, claimId: string): Promise<void>;
  markSent(reportId: string, kind: string, claimId: string, messageId: string, nowMs: number): Promise<void>;
}

/** A claim another run holds: the record is retried later rather than sent twice now. */
export class AlertBusyError extends Error {
  constructor(alert: { reportId: string; kind: string }) {
    super(`Alert ${alert.kind} of report ${alert.reportId} is being sent by another run.`);
    this.name = "AlertBusyError";
  }
}
