import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createService } from "../../db/service";
import { ValidationError } from "../../errors";
import type { ReportStore } from "../../report/store";
import type { IdempotencyRecord, Report } from "../../report/types";
import type { RetentionStore } from "../../reporter/retention";

/** The DynamoDB adapter of ReportStore, through ElectroDB. */
export function createDynamoReportStore(client: DynamoDBDocumentClient, table: string): ReportStore {
  const db = createService(client, table);
  const { report, trackingCode, idempotency } = db.entities;

  const getById = async (reportId: string) => {
    const { data } = await report.get({ reportId }).go({ consistent: true });
    return (data as Report | null) ?? undefined;
  };

  return {
    async create(item, idem, admission) {
      const nowSeconds = Math.floor(Date.parse(item.createdAt) / 1000);
      const counters = admission?.counters ?? [];
      const result = await db.transaction
        .write(({ report, trackingCode, idempotency, sourceCount, hold }) => [
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
          // One unit of each counter, unless it has reached its limit (the window's count goes by TTL).
          ...counters.map((c) =>
            sourceCount
              .update({ counterKey: c.key })
              .add({ count: 1 })
              .set({ expiresAt: c.expiresAt })
              .where(({ count }, { notExists, lt }) => `${notExists(count)} OR ${lt(count, c.limit)}`)
              .commit(),
          ),
          ...(admission?.hold
            ? [
                hold
                  .create({
                    reportId: item.reportId,
                    createdAt: item.createdAt,
                    reason: admission.hold,
                    trackingCode: item.trackingCode,
                    category: item.category,
                    priority: item.priority,
                    kecamatan: item.kecamatan,
                    desa: item.desa,
                  })
                  .commit(),
              ]
            : []),
        ])
        .go();
      if (!result.canceled) return "created";
      const codes: string[] = result.data.map((d) => d.code);
      if (codes.includes("TransactionConflict")) return "conflict";
      const failed = (i: number) => codes[i] === "ConditionalCheckFailed";
      if (idem && failed(2)) return "idempotency_taken";
      const first = idem ? 3 : 2;
      const limited = counters.findIndex((_, i) => failed(first + i));
      if (limited >= 0) return `limit_${counters[limited]?.kind ?? "address"}`;
      if (failed(1)) return "code_taken";
      // The report id is a fresh UUID, so a failed condition on it means a bug, not a race.
      throw new Error(`Report transaction canceled: ${codes.join(", ")}`);
    },

    async getIdempotency(key, nowSeconds) {
      const { data } = await idempotency.get({ key }).go({ consistent: true });
      // The same boundary as create's condition (free once expiresAt < now): in the second a key expires,
      // both must say "taken", or submit would be told taken and gone at once and loop until 503.
      if (!data || data.expiresAt < nowSeconds) return undefined;
      return data as IdempotencyRecord;
    },

    getById,

    async getByTrackingCode(code) {
      const { data } = await trackingCode.get({ trackingCode: code }).go({ consistent: true });
      return data ? getById(data.reportId) : undefined;
    },

    async update(next, expectedVersion, entries, also = {}) {
      const result = await db.transaction
        .write(({ report, audit, reopen, reporterUpdate, contactRetention }) => [
          report
            .put(next)
            .where(({ version }, { eq }) => eq(version, expectedVersion))
            .commit(),
          ...entries.map((e) => audit.create(e).commit()),
          ...(also.reopen ? [reopen.create(also.reopen).commit()] : []),
          ...(also.update ? [reporterUpdate.create(also.update).commit()] : []),
          ...(also.retention === "clear"
            ? [contactRetention.delete({ reportId: next.reportId }).commit()]
            : also.retention
              ? [contactRetention.put(also.retention).commit()]
              : []),
        ])
        .go();
      if (!result.canceled) return "updated";
      const codes: string[] = result.data.map((d) => d.code);
      if (codes[0] === "ConditionalCheckFailed" || codes.includes("TransactionConflict")) return "stale";
      throw new Error(`Report update canceled: ${codes.join(", ")}`);
    },

    async queue(q) {
      const range = { createdAt: q.fromIso ?? "0000" };
      const until = { createdAt: q.toIso ?? "9999" };
      const base =
        q.index === "urgent"
          ? report.query.openByUrgency({})
          : q.index === "area"
            ? report.query.byArea({ kecamatan: q.kecamatan ?? "" }).between(range, until)
            : report.query.byTime({}).between(range, until);
      const filtered = base.where((a, op) => {
        const parts: string[] = [];
        if (q.status) parts.push(op.eq(a.status, q.status));
        if (q.priority) parts.push(op.eq(a.priority, q.priority));
        if (q.desa) parts.push(op.eq(a.desa, q.desa));
        if (q.index === "urgent" && q.kecamatan) parts.push(op.eq(a.kecamatan, q.kecamatan));
        if (q.index === "urgent" && q.fromIso) parts.push(op.gte(a.createdAt, q.fromIso));
        if (q.index === "urgent" && q.toIso) parts.push(op.lt(a.createdAt, q.toIso));
        if (q.overdueAt) {
          // The same rule as isOverdue (report/targets.ts), as a filter on the page read.
          const waiting = `(${op.eq(a.status, "diterima")} AND ${op.lt(a.verifyBy, q.overdueAt)})`;
          const checked = `(${op.eq(a.status, "diverifikasi")} OR ${op.eq(a.status, "ditangani")})`;
          parts.push(`(${waiting} OR (${checked} AND ${op.lt(a.resolveBy, q.overdueAt)}))`);
        }
        if (q.within) {
          const mine = [...q.within.desa.map((d) => op.eq(a.desa, d)), op.eq(a.assignee, q.within.assignee)];
          parts.push(`(${mine.join(" OR ")})`);
        }
        return parts.join(" AND ");
      });
      try {
        const page = await filtered.go({
          count: q.limit,
          cursor: q.cursor ?? null,
          order: q.index === "urgent" ? "asc" : "desc",
        });
        return { items: page.data as Report[], cursor: page.cursor };
      } catch (err) {
        // A cursor of another query, or a forged one, is bad input: ElectroDB refuses what it cannot
        // decode, and DynamoDB a start key that is not of this index and partition.
        const text = `${String(err)} ${String((err as { cause?: unknown }).cause ?? "")}`;
        if (q.cursor && /cursor|ValidationException|start(ing)? ?key|ExclusiveStartKey/i.test(text)) {
          throw new ValidationError("The page cursor is not valid.", [
            { field: "cursor", code: "cursor.invalid", message: "Start again from the first page." },
          ]);
        }
        throw err;
      }
    },
  };
}

/** The DynamoDB adapter of RetentionStore: the erasures due, from the sparse `contact-retention` list. */
export function createDynamoRetentionStore(client: DynamoDBDocumentClient, table: string): RetentionStore {
  const { contactRetention } = createService(client, table).entities;
  return {
    async due(closedBy, limit) {
      const { data } = await contactRetention.query
        .due({})
        .lte({ closedAt: closedBy })
        .go({ count: limit, order: "asc" });
      return data.map(({ reportId, closedAt }) => ({ reportId, closedAt }));
    },
    async drop(item) {
      await contactRetention.delete({ reportId: item.reportId }).go();
    },
  };
}
