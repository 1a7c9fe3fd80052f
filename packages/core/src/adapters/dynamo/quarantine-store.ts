import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuditEntry } from "../../audit/types";
import { createService } from "../../db/service";
import { ValidationError } from "../../errors";
import type { HeldReport, QuarantineStore } from "../../report/quarantine";
import type { Report } from "../../report/types";
import type { ContactRetention } from "../../reporter/retention";

const SUMMARY_OF = "darurat";

/** The DynamoDB adapter of QuarantineStore: hold items on gsi3 `quarantine`, one transaction per decision. */
export function createDynamoQuarantineStore(client: DynamoDBDocumentClient, table: string): QuarantineStore {
  const db = createService(client, table);
  const { hold, heldSummaryState } = db.entities;

  const outcome = (result: { canceled: boolean; data: { code: string }[] }, what: string) => {
    if (!result.canceled) return "done" as const;
    const codes = result.data.map((d) => d.code);
    if (codes.includes("ConditionalCheckFailed") || codes.includes("TransactionConflict"))
      return "stale" as const;
    throw new Error(`Quarantine ${what} canceled: ${codes.join(", ")}`);
  };

  async function decide(
    next: Report,
    expectedVersion: number,
    entry: AuditEntry,
    alert: boolean,
    retention?: ContactRetention,
  ) {
    const result = await db.transaction
      .write(({ report, hold, release, audit, contactRetention }) => [
        report
          .put(next)
          .where(({ version }, { eq }) => eq(version, expectedVersion))
          .commit(),
        hold
          .delete({ reportId: next.reportId })
          .where(({ reason }, { exists }) => exists(reason))
          .commit(),
        ...(alert
          ? [
              release
                .create({
                  releaseOf: next.reportId,
                  reportId: next.reportId,
                  at: next.updatedAt,
                  trackingCode: next.trackingCode,
                  category: next.category,
                  priority: next.priority,
                  kecamatan: next.kecamatan,
                  desa: next.desa,
                })
                .commit(),
            ]
          : []),
        audit.create(entry).commit(),
        ...(retention ? [contactRetention.put(retention).commit()] : []),
      ])
      .go();
    return outcome(result, alert ? "release" : "discard");
  }

  return {
    async list(limit, cursor) {
      try {
        const page = await hold.query.list({}).go({ count: limit, cursor: cursor ?? null, order: "asc" });
        const items: HeldReport[] = page.data.map(
          ({ reportId, trackingCode, category, priority, kecamatan, desa, createdAt, reason }) => ({
            reportId,
            trackingCode,
            category,
            priority,
            kecamatan,
            desa,
            createdAt,
            reason,
          }),
        );
        return { items, cursor: page.cursor };
      } catch (err) {
        if (!cursor) throw err;
        throw new ValidationError("The page cursor is not valid.", [
          { field: "cursor", code: "cursor.invalid", message: "Start again from the first page." },
        ]);
      }
    },

    // Both decisions replace the report at the version read and drop its hold item (only while it is
    // there), with the audit entry; a release also writes the item the stream alerts from.
    async release(next, expectedVersion, entry) {
      return decide(next, expectedVersion, entry, true);
    },

    async discard(next, expectedVersion, entry, retention) {
      return decide(next, expectedVersion, entry, false, retention);
    },

    async heldDarurat(afterIso, toIso) {
      const { data } = await hold.query
        .list({})
        .between({ createdAt: afterIso }, { createdAt: toIso })
        .where(
          ({ priority, createdAt }, { eq, gt }) =>
            `${eq(priority, "darurat")} AND ${gt(createdAt, afterIso)}`,
        )
        .go({ pages: "all", attributes: ["createdAt"] });
      const newest = data
        .map((d) => d.createdAt)
        .sort()
        .at(-1);
      return { count: data.length, ...(newest ? { newest } : {}) };
    },

    async lastSummary() {
      const { data } = await heldSummaryState.get({ summaryOf: SUMMARY_OF }).go({ consistent: true });
      return data ? { lastAt: data.lastAt, upTo: data.upTo } : undefined;
    },

    async recordSummary(summary, previousAt) {
      const result = await db.transaction
        .write(({ heldSummaryState: state, heldSummary }) => [
          state
            .put({ summaryOf: SUMMARY_OF, lastAt: summary.at, upTo: summary.upTo })
            .where(({ lastAt }, { notExists, eq }) =>
              previousAt === undefined ? notExists(lastAt) : eq(lastAt, previousAt),
            )
            .commit(),
          heldSummary.create({ summaryId: summary.summaryId, count: summary.count, at: summary.at }).commit(),
        ])
        .go();
      return outcome(result, "summary") === "done";
    },
  };
}
