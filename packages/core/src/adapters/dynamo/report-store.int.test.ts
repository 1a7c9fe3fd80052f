import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { createService } from "../../db/service";
import type { ReportInput } from "../../report/input";
import { create, submit } from "../../report/service";
import type { ReportStore } from "../../report/store";
import { freshTable } from "../../testing/dynamo-local";
import { createDynamoReportStore } from "./report-store";

const input: ReportInput = {
  category: "karhutla",
  happeningNow: true,
  kecamatan: "16.06.09",
  desa: "16.06.09.2002",
  occurredAt: "2026-11-28T01:00:00.000Z",
  description: "Asap tebal dari lahan gambut di belakang kebun sawit.",
  reporter: { anonymous: true },
};

let store: ReportStore;
let tableName: string;
let client: Awaited<ReturnType<typeof freshTable>>["client"];
const count = async () =>
  (await client.send(new ScanCommand({ TableName: tableName, Select: "COUNT" }))).Count ?? 0;

beforeAll(async () => {
  ({ tableName, client } = await freshTable());
  store = createDynamoReportStore(client, tableName);
});

describe("DynamoDB report store (DynamoDB Local)", () => {
  it("writes the report, its code claim and its idempotency record together", async () => {
    const before = await count();
    const report = create(input, new Date(), "r-atomic-1", "LPR-AAAA-AAAA-AAAA-A");
    const outcome = await store.create(report, {
      key: "k-atomic-1",
      requestHash: "h",
      reportId: report.reportId,
      response: {
        id: report.reportId,
        trackingCode: report.trackingCode,
        status: "diterima",
        priority: "darurat",
        createdAt: report.createdAt,
      },
      createdAt: report.createdAt,
      expiresAt: Math.floor(Date.now() / 1000) + 60,
    });
    expect(outcome).toBe("created");
    expect(await count()).toBe(before + 3);
    expect(await store.getByTrackingCode("LPR-AAAA-AAAA-AAAA-A")).toEqual(report);
  });

  it("writes nothing at all when the tracking code is already claimed", async () => {
    await store.create(create(input, new Date(), "r-code-1", "LPR-BBBB-BBBB-BBBB-B"));
    const before = await count();
    const second = create(input, new Date(), "r-code-2", "LPR-BBBB-BBBB-BBBB-B");
    expect(await store.create(second)).toBe("code_taken");
    expect(await count()).toBe(before);
    expect(await store.getById("r-code-2")).toBeUndefined();
  });

  it("picks a new tracking code when the first one drawn is taken", async () => {
    await store.create(create(input, new Date(), "r-draw-1", "LPR-CCCC-CCCC-CCCC-C"));
    const codes = ["LPR-CCCC-CCCC-CCCC-C", "LPR-DDDD-DDDD-DDDD-D"];
    const { receipt } = await submit(store, input, { newCode: () => codes.shift() ?? "unused" });
    expect(receipt.trackingCode).toBe("LPR-DDDD-DDDD-DDDD-D");
  });

  it("treats an expired idempotency record as free, though DynamoDB Local never deletes it", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const { idempotency } = createService(client, tableName).entities;
    await idempotency
      .put({
        key: "report:old-key",
        requestHash: "an-older-body",
        reportId: "r-old",
        response: { id: "r-old" },
        createdAt: new Date((past - 3600) * 1000).toISOString(),
        expiresAt: past,
      })
      .go();
    expect((await idempotency.get({ key: "report:old-key" }).go()).data?.reportId).toBe("r-old");
    expect(await store.getIdempotency("report:old-key", past + 1)).toBeUndefined();
    const { receipt, replayed } = await submit(store, input, {
      idempotency: { key: "report:old-key", requestHash: "new" },
    });
    expect(replayed).toBe(false);
    expect(receipt.id).not.toBe("r-old");
    expect((await store.getIdempotency("report:old-key", Math.floor(Date.now() / 1000)))?.reportId).toBe(
      receipt.id,
    );
  });
});
