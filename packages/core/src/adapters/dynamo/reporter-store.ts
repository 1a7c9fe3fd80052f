import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createService } from "../../db/service";
import type { ReporterUpdate } from "../../report/types";
import { MAX_LIVE_REPORTER_SECRETS, type ReporterStore, type ThreadMessage } from "../../reporter/types";
import type { ReporterUpdateStore } from "../../reporter/updates";

/** The DynamoDB adapter of ReporterStore: the secrets' hashes and the thread, in the report's partition. */
export function createDynamoReporterStore(client: DynamoDBDocumentClient, table: string): ReporterStore {
  const db = createService(client, table);
  const { reporterAccess, threadMessage } = db.entities;
  return {
    async grant(reportId, secretHash, at) {
      // One round trip in the usual case: ADD creates the record or adds to it. Only a record grown past
      // the maximum (many replays of one submission) is replaced by the newest secret alone.
      const { data } = await reporterAccess
        .update({ reportId })
        .add({ secretHashes: [secretHash] })
        .set({ updatedAt: at })
        .go({ response: "all_new" });
      if ((data?.secretHashes?.length ?? 0) > MAX_LIVE_REPORTER_SECRETS)
        await reporterAccess.put({ reportId, secretHashes: [secretHash], updatedAt: at }).go();
    },
    async secretHashes(reportId) {
      const { data } = await reporterAccess.get({ reportId }).go({ consistent: true });
      return data?.secretHashes ?? [];
    },
    async messages(reportId) {
      const { data } = await threadMessage.query
        .byReport({ reportId })
        .go({ consistent: true, pages: "all" });
      return data as ThreadMessage[];
    },
    async addMessage(message, entry, update) {
      const result = await db.transaction
        .write(({ threadMessage, audit, reporterUpdate }) => [
          threadMessage.create(message).commit(),
          audit.create(entry).commit(),
          ...(update ? [reporterUpdate.create(update).commit()] : []),
        ])
        .go();
      if (result.canceled) {
        throw new Error(`Thread message not stored: ${result.data.map((d) => d.code).join(", ")}`);
      }
    },
  };
}

/** The DynamoDB adapter of the reporter-update outbox: gsi3 `reporter-updates` by due time. */
export function createDynamoReporterUpdates(
  client: DynamoDBDocumentClient,
  table: string,
): ReporterUpdateStore {
  const { reporterUpdate } = createService(client, table).entities;
  return {
    async due(atIso, limit) {
      const { data } = await reporterUpdate.query.due({}).lte({ dueAt: atIso }).go({ limit });
      return data as ReporterUpdate[];
    },
    async reschedule(update, dueAt) {
      await reporterUpdate
        .patch({ reportId: update.reportId, updateId: update.updateId })
        .set({ dueAt })
        .go();
    },
    async done(update) {
      await reporterUpdate.delete({ reportId: update.reportId, updateId: update.updateId }).go();
    },
  };
}
