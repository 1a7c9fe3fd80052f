import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ESCALATED_PRIORITIES, type EscalationStore } from "../../alert/escalation";
import { createService } from "../../db/service";
import { PRIORITIES } from "../../report/priority";

/** The DynamoDB adapter of EscalationStore: gsi4 for open reports, one transaction per step. */
export function createDynamoEscalationStore(client: DynamoDBDocumentClient, table: string): EscalationStore {
  const db = createService(client, table);
  const { report, escalation } = db.entities;
  return {
    async unverified(fromIso, toIso) {
      const ranks = ESCALATED_PRIORITIES.map((p) => PRIORITIES.indexOf(p));
      const pages = await Promise.all(
        ranks.map((priorityRank) =>
          report.query
            .openByUrgency({ priorityRank })
            .between({ createdAt: fromIso }, { createdAt: toIso })
            .where((a, op) => op.eq(a.status, "diterima"))
            .go({ pages: "all" }),
        ),
      );
      return pages.flatMap((p) =>
        // A report released from quarantine waits from its release: that is when its alerts went.
        p.data.map(
          ({ reportId, trackingCode, category, priority, kecamatan, desa, createdAt, releasedAt }) => ({
            reportId,
            trackingCode,
            category,
            priority,
            kecamatan,
            desa,
            createdAt: releasedAt ?? createdAt,
          }),
        ),
      );
    },
    async open(fromIso) {
      const pages = await Promise.all(
        PRIORITIES.map((_, priorityRank) =>
          report.query.openByUrgency({ priorityRank }).gte({ createdAt: fromIso }).go({ pages: "all" }),
        ),
      );
      return pages.flatMap((p) =>
        p.data.map(({ reportId, trackingCode, category, priority, kecamatan, desa }) => ({
          reportId,
          trackingCode,
          category,
          priority,
          kecamatan,
          desa,
        })),
      );
    },
    async levels(reportId) {
      const { data } = await escalation.query.byReport({ reportId }).go({ pages: "all" });
      return data.map(({ level, at }) => ({ level, at }));
    },
    async record(e, entry) {
      const result = await db.transaction
        .write(({ escalation: esc, audit: aud }) => [esc.create(e).commit(), aud.create(entry).commit()])
        .go();
      if (!result.canceled) return true;
      const codes: string[] = result.data.map((d) => d.code);
      if (codes[0] === "ConditionalCheckFailed" || codes.includes("TransactionConflict")) return false;
      throw new Error(`Escalation transaction canceled: ${codes.join(", ")}`);
    },
  };
}
