import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AlertMarkerStore } from "../../alert/delivery";
import { createService } from "../../db/service";

/** Markers outlive every stream retry (records live 24 hours) by far; then TTL removes them. */
const MARKER_TTL_SECONDS = 30 * 86_400;

const conditionFailed = (err: unknown) =>
  /ConditionalCheckFailed|conditional request failed/i.test(
    `${(err as Error)?.name} ${(err as Error)?.message}`,
  );

/** The DynamoDB adapter of AlertMarkerStore: conditional writes on one marker item per alert. */
export function createDynamoMarkerStore(client: DynamoDBDocumentClient, table: string): AlertMarkerStore {
  const { alertMarker } = createService(client, table).entities;
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
