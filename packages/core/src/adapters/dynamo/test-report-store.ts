import {
  type DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { createService } from "../../db/service";
import { TABLE } from "../../db/table";
import type { TestReportStore } from "../../report/smoke-test";

type Key = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * The DynamoDB adapter of TestReportStore, for the smoke test with the operator's own credentials (no
 * function may delete a report). A test report's collection is a handful of items (the report, its
 * reporter secret's hash, its upload capability), so one transaction removes it whole.
 */
export function createDynamoTestReportStore(client: DynamoDBDocumentClient, table: string): TestReportStore {
  const db = createService(client, table);
  const { report, trackingCode } = db.entities;

  const find = async (code: string) => {
    const { data: claim } = await trackingCode.get({ trackingCode: code }).go({ consistent: true });
    if (!claim) return undefined;
    const { data } = await report.get({ reportId: claim.reportId }).go({ consistent: true });
    return data ? { reportId: claim.reportId, test: data.test === true } : undefined;
  };

  /** The keys of every item in the report's collection (its partition), read consistently. */
  const collection = async (pk: unknown): Promise<Key[]> => {
    const keys: Key[] = [];
    let start: Key | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: "#pk = :pk",
          ProjectionExpression: "#pk, #sk",
          ExpressionAttributeNames: { "#pk": TABLE.partitionKey, "#sk": TABLE.sortKey },
          ExpressionAttributeValues: { ":pk": pk },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      keys.push(...((page.Items ?? []) as Key[]));
      start = page.LastEvaluatedKey as Key | undefined;
    } while (start);
    return keys;
  };

  return {
    async isTest(code) {
      return (await find(code))?.test;
    },

    async remove(code) {
      const found = await find(code);
      if (!found) return "not_found";
      if (!found.test) return "not_test";
      // The report goes only while it is a test; the claim only while it is this report's.
      const reportDelete = report
        .delete({ reportId: found.reportId })
        .where(({ test }, { eq }) => eq(test, true))
        .params<TransactItem["Delete"] & object>();
      const claimDelete = trackingCode
        .delete({ trackingCode: code })
        .where(({ reportId }, { eq }) => eq(reportId, found.reportId))
        .params<TransactItem["Delete"] & object>();
      const reportKey = reportDelete.Key as Key;
      const others = (await collection(reportKey[TABLE.partitionKey])).filter(
        (k) => k[TABLE.sortKey] !== reportKey[TABLE.sortKey],
      );
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Delete: reportDelete },
              { Delete: claimDelete },
              ...others.map((Key) => ({ Delete: { TableName: table, Key } })),
            ],
          }),
        );
      } catch (err) {
        // Changed since it was read (it cannot stop being a test, so it was removed meanwhile).
        if ((err as Error).name === "TransactionCanceledException") return "not_found";
        throw err;
      }
      return "removed";
    },
  };
}
