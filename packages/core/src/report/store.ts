import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createEntities } from "./entities";
import type { IdempotencyRecord, Report } from "./types";

/** How an attempt to write a new report ended. Only `created` wrote anything. */
export type CreateOutcome = "created" | "idempotency_taken" | "code_taken" | "conflict";

/** The port the report service needs from storage. */
export interface ReportStore {
  /** Writes the report, its tracking-code claim and its idempotency record in one transaction. */
  create(report: Report, idempotency?: IdempotencyRecord): Promise<CreateOutcome>;
  /** The live (unexpired) idempotency record for `key`, read consistently. */
  getIdempotency(key: string, nowSeconds: number): Promise<IdempotencyRecord | undefined>;
  getById(reportId: string): Promise<Report | undefined>;
  getByTrackingCode(trackingCode: string): Promise<Report | undefined>;
}

/** The DynamoDB adapter of ReportStore, through ElectroDB. */
export function createDynamoReportStore(client: DynamoDBDocumentClient, table: string): ReportStore {
  const db = createEntities(client, table);
  const { report, trackingCode, idempotency } = db.entities;

  const getById = async (reportId: string) => {
    const { data } = await report.get({ reportId }).go({ consistent: true });
    return (data as Report | null) ?? undefined;
  };

  return {
    async create(item, idem) {
      const nowSeconds = Math.floor(Date.parse(item.createdAt) / 1000);
      const result = await db.transaction
        .write(({ report, trackingCode, idempotency }) => [
          report.create(item).commit(),
          trackingCode.create({ trackingCode: item.trackingCode, reportId: item.reportId }).commit(),
          ...(idem
            ? [
                // An expired record may still be there (TTL deletes late): it counts as free.
                idempotency
                  .put(idem)
                  .where(
                    ({ key, expiresAt }, { notExists, lt }) =>
                      `${notExists(key)} OR ${lt(expiresAt, nowSeconds)}`,
                  )
                  .commit(),
              ]
            : []),
        ])
        .go();
      if (!result.canceled) return "created";
      const codes: string[] = result.data.map((d) => d.code);
      if (codes.includes("TransactionConflict")) return "conflict";
      if (codes[2] === "ConditionalCheckFailed") return "idempotency_taken";
      if (codes[1] === "ConditionalCheckFailed") return "code_taken";
      // The report id is a fresh UUID, so a failed condition on it means a bug, not a race.
      throw new Error(`Report transaction canceled: ${codes.join(", ")}`);
    },

    async getIdempotency(key, nowSeconds) {
      const { data } = await idempotency.get({ key }).go({ consistent: true });
      if (!data || data.expiresAt <= nowSeconds) return undefined;
      return data as IdempotencyRecord;
    },

    getById,

    async getByTrackingCode(code) {
      const { data } = await trackingCode.get({ trackingCode: code }).go({ consistent: true });
      return data ? getById(data.reportId) : undefined;
    },
  };
}
