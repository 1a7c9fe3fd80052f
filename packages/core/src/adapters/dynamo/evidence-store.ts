import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createService } from "../../db/service";
import type { EvidenceSlot, EvidenceStore } from "../../evidence/types";

// Replays of one report submission each add a capability; past this many, the set starts again.
const MAX_LIVE_SECRETS = 8;
// The access record outlives its window a little, then DynamoDB's TTL removes it.
const TTL_MARGIN_SECONDS = 24 * 60 * 60;

const isConditionFailure = (err: unknown) =>
  /ConditionalCheckFailed|conditional request failed/i.test(
    `${(err as Error)?.name} ${(err as Error)?.message}`,
  );

/** The DynamoDB adapter of EvidenceStore, through ElectroDB. */
export function createDynamoEvidenceStore(client: DynamoDBDocumentClient, table: string): EvidenceStore {
  const db = createService(client, table);
  const { evidence, evidenceAccess } = db.entities;

  const getSlot = async (reportId: string, slot: number) => {
    const { data } = await evidence.get({ reportId, slot }).go({ consistent: true });
    return (data as EvidenceSlot | null) ?? undefined;
  };

  return {
    async grantAccess(reportId, secretHash, openUntil, at) {
      const expiresAt = openUntil + TTL_MARGIN_SECONDS;
      // One round trip in the usual case: ADD creates the record for a new report, or adds to a record
      // that still has room; only a full record (many replays) is replaced, in a second call.
      try {
        await evidenceAccess
          .update({ reportId })
          .add({ secretHashes: [secretHash] })
          .set({ openUntil, updatedAt: at, expiresAt })
          // op.value only names a placeholder for the number; its type follows the attribute given.
          .where(
            (a, op) =>
              `${op.notExists(a.secretHashes)} OR ${op.size(a.secretHashes)} < ${op.value(a.openUntil, MAX_LIVE_SECRETS)}`,
          )
          .go();
      } catch (err) {
        if (!/conditional request failed/i.test(String(err))) throw err;
        await evidenceAccess
          .put({ reportId, secretHashes: [secretHash], openUntil, updatedAt: at, expiresAt })
          .go();
      }
    },

    async hasAccess(reportId, secretHash, nowSeconds) {
      const { data } = await evidenceAccess.get({ reportId }).go({ consistent: true });
      return !!data && data.openUntil > nowSeconds && data.secretHashes.includes(secretHash);
    },

    async listSlots(reportId) {
      const { data } = await evidence.query.byReport({ reportId }).go({ consistent: true, pages: "all" });
      return data as EvidenceSlot[];
    },

    getSlot,

    async issueSlot(slot) {
      try {
        await evidence.create(slot).go();
        return true;
      } catch (err) {
        if (isConditionFailure(err)) return false;
        throw err;
      }
    },

    async reissueSlot(reportId, slot, next) {
      try {
        await evidence
          .patch({ reportId, slot })
          .set({ ...next, status: "issued" })
          .where(({ status }, { ne }) => ne(status, "attached"))
          .go();
        return true;
      } catch (err) {
        if (isConditionFailure(err)) return false;
        throw err;
      }
    },

    async attach(item, audit) {
      const { reportId, slot, formId, ...rest } = item;
      const result = await db.transaction
        .write(({ evidence, audit: trail }) => [
          evidence
            .patch({ reportId, slot })
            .set({ ...rest, status: "attached" })
            .where((a, { eq, ne }) => `${eq(a.formId, formId)} AND ${ne(a.status, "attached")}`)
            .commit(),
          trail.create(audit).commit(),
        ])
        .go();
      if (!result.canceled) return true;
      const codes: string[] = result.data.map((d) => d.code);
      if (codes[0] === "ConditionalCheckFailed" || codes.includes("TransactionConflict")) return false;
      throw new Error(`Evidence attach canceled: ${codes.join(", ")}`);
    },

    async reject(reportId, slot, formId, reason, at) {
      try {
        await evidence
          .patch({ reportId, slot })
          .set({ status: "rejected", rejectReason: reason, rejectedAt: at })
          .where((a, { eq, ne }) => `${eq(a.formId, formId)} AND ${ne(a.status, "attached")}`)
          .go();
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    },
  };
}
