import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { SubscriptionRecordStore } from "../../alert/subscriptions";
import { createService } from "../../db/service";

/** The DynamoDB adapter of SubscriptionRecordStore: one item per officer, next to the officer item. */
export function createDynamoSubscriptionRecords(
  client: DynamoDBDocumentClient,
  table: string,
): SubscriptionRecordStore {
  const { alertSubscription } = createService(client, table).entities;
  return {
    async get(nrp) {
      const { data } = await alertSubscription.get({ nrp }).go({ consistent: true });
      return data ?? undefined;
    },
    async put(record) {
      await alertSubscription.put(record).go();
    },
    async remove(nrp) {
      await alertSubscription.delete({ nrp }).go();
    },
  };
}
