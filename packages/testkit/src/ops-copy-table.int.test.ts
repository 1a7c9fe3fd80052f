/**
 * `npm run ops -- copy-table` (scripts/ops/copy-table.ts): the local rehearsal of the point-in-time-recovery
 * procedure in docs/operations.md, as far as DynamoDB Local goes (it has no PITR: the "restore" is a copy
 * into a new table, as `restore-table-to-point-in-time` makes one). The stage's table is the alerts
 * testbed's, with its stream polled into report-events, so the copy back is watched by the alert path the
 * way the deployed stage's would be.
 */

import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type AttributeValue,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import { Reporter } from "@lapora/core";
import { ensureTable } from "@lapora/core/dynamo";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { copyTable, describeCopy } from "../../../scripts/ops/copy-table";
import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "./alerts-harness";

const local = { region: "ap-southeast-3", credentials: { accessKeyId: "local", secretAccessKey: "local" } };
const ROUTED = [OFFICER.bhabinSekayu, OFFICER.kapolsekSekayu, OFFICER.spkt];
const darurat = { category: "pencurian", happeningNow: true, kecamatan: "16.06.01", desa: "16.06.01.1011" };
const named = {
  reporter: { anonymous: false, name: "Siti Aminah", phone: "0812 3456 7890" },
  location: { lat: -2.88, lon: 103.85 },
};

let bed: AlertsTestbed;
let dynamo: DynamoDBClient;
let dir: string;
let sources = 0;
const report = (overrides: Record<string, unknown>) =>
  bed.report(overrides, { "X-Forwarded-For": `198.51.100.${++sources}` });

beforeAll(async () => {
  bed = await startAlertsTestbed();
  dynamo = new DynamoDBClient({ endpoint: inject("dynamoEndpoint"), ...local });
  dir = mkdtempSync(join(tmpdir(), "lapora-ops-"));
});
afterAll(async () => {
  await bed?.stop();
  dynamo?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function scan(table: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: table, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
const pkOf = (item: Record<string, AttributeValue>) => item.pk?.S ?? "";
async function remove(table: string, items: Record<string, AttributeValue>[]) {
  for (const item of items)
    await dynamo.send(
      new DeleteItemCommand({
        TableName: table,
        Key: { pk: item.pk as AttributeValue, sk: item.sk as AttributeValue },
      }),
    );
}
const smsReached = (code: string) => ROUTED.every((nrp) => (bed.countFor(code)[nrp] ?? 0) >= 1);

describe("npm run ops -- copy-table (the point-in-time-recovery rehearsal)", () => {
  it("brings lost items back into the stage's table, resumably, without alerting again or restoring an erased contact", async () => {
    const stage = bed.deps.tableName;
    const lost = await report(darurat);
    const erased = await report(named);
    const lostErased = await report(named);
    await waitUntil("the darurat report's SMS", () => smsReached(lost.trackingCode));
    await dynamo.send(
      new PutItemCommand({
        TableName: stage,
        Item: { pk: { S: "$lapora#ops-test_expired" }, sk: { S: "$x_1" }, expiresAt: { N: "1000" } },
      }),
    );

    // The restore point: the stage's table copied into a new one, as a PITR restore makes one.
    const restored = `restored-${randomUUID()}`;
    await ensureTable(inject("dynamoEndpoint"), restored);
    const snapshot = await copyTable(dynamo, { from: stage, to: restored, statePath: join(dir, "out.json") });
    expect(snapshot).toMatchObject({ complete: true, expired: 1 });
    expect((await scan(restored)).length).toBe((await scan(stage)).length - 1);

    // After the restore point, two named reporters erase their contact from their own view. Then the
    // incident: the item collections of the darurat report and of one of those two are deleted, and the
    // darurat report's "sent" markers are gone from both tables (as TTL removes them after 30 days).
    for (const r of [erased, lostErased]) {
      const before = await bed.deps.reports.getById(r.id);
      if (!before) throw new Error("a named report is missing");
      const { outcome } = await Reporter.eraseReporterContact(
        bed.deps.reports,
        before,
        new Date(),
        "reporter",
      );
      expect(outcome).toBe("erased");
    }
    const of = (id: string, items: Record<string, AttributeValue>[]) =>
      items.filter((i) => pkOf(i).startsWith(`$lapora#reportid_${id}`));
    await remove(stage, [...of(lost.id, await scan(stage)), ...of(lostErased.id, await scan(stage))]);
    await remove(
      restored,
      of(lost.id, await scan(restored)).filter((i) => pkOf(i).includes("#kind_")),
    );
    expect(await bed.deps.reports.getById(lost.id)).toBeUndefined();
    expect(await bed.deps.reports.getById(lostErased.id)).toBeUndefined();

    // The copy back stops after one page (credentials expired, Ctrl-C), then resumes where it was.
    const statePath = join(dir, "back.json");
    const first = await copyTable(dynamo, { from: restored, to: stage, statePath, pageSize: 5, maxPages: 1 });
    expect(first).toMatchObject({ complete: false, pages: 1, copied: 5, resumedAt: 0 });
    expect(describeCopy(first)).toContain("run the same command again to resume");
    const back = await copyTable(dynamo, { from: restored, to: stage, statePath, pageSize: 5 });
    expect(back).toMatchObject({ complete: true, resumedAt: 1, erasuresKept: 2 });
    expect(back.copied).toBe((await scan(restored)).length);
    expect(back.quiet).toBeGreaterThanOrEqual(2);
    expect(describeCopy(back)).not.toMatch(/Siti|0812|6281/);

    const again = await bed.deps.reports.getById(lost.id);
    expect(again).toMatchObject({ reportId: lost.id, trackingCode: lost.trackingCode, status: "diterima" });
    expect(again?.heldReason).toBeUndefined();
    for (const r of [erased, lostErased]) {
      const kept = await bed.deps.reports.getById(r.id);
      expect(kept?.trackingCode).toBe(r.trackingCode);
      expect(kept?.contactErasedAt).toBeDefined();
      expect(kept?.reporter).toEqual({ anonymous: false });
      expect(kept?.location).toBeUndefined();
    }

    // The stream saw the lost report inserted again, with no marker anywhere: only the quiet first write
    // keeps report-events from alerting again. A new report shows the alert path has read past the copy.
    const control = await report(darurat);
    await waitUntil("the control report's SMS", () => smsReached(control.trackingCode));
    for (const nrp of ROUTED) expect(bed.countFor(lost.trackingCode)[nrp]).toBe(1);
  });

  it("with missing-only, brings back only what the table lost and keeps what changed since", async () => {
    const stage = bed.deps.tableName;
    const item = (n: string, v: string) => ({
      pk: { S: `$lapora#ops-test_${n}` },
      sk: { S: "$x_1" },
      v: { S: v },
    });
    for (const i of [item("changed", "then"), item("lost", "then")])
      await dynamo.send(new PutItemCommand({ TableName: stage, Item: i }));
    const restored = `restored-${randomUUID()}`;
    await ensureTable(inject("dynamoEndpoint"), restored);
    await copyTable(dynamo, { from: stage, to: restored, statePath: join(dir, "snap2.json") });
    await dynamo.send(new PutItemCommand({ TableName: stage, Item: item("changed", "now") }));
    await remove(stage, [item("lost", "then")]);

    const run = await copyTable(dynamo, {
      from: restored,
      to: stage,
      statePath: join(dir, "missing.json"),
      missingOnly: true,
    });
    expect(run).toMatchObject({ complete: true, copied: 1 });
    expect(run.kept).toBe((await scan(restored)).length - 1);
    const now = await scan(stage);
    const v = (n: string) => now.find((i) => pkOf(i) === `$lapora#ops-test_${n}`)?.v?.S;
    expect([v("changed"), v("lost")]).toEqual(["now", "then"]);
  });

  it("refuses to copy a table onto itself or into a table that does not exist", async () => {
    const stage = bed.deps.tableName;
    const statePath = join(dir, "never.json");
    await expect(copyTable(dynamo, { from: stage, to: stage, statePath })).rejects.toThrow(/same table/);
    await expect(copyTable(dynamo, { from: stage, to: `none-${randomUUID()}`, statePath })).rejects.toThrow(
      /no table/,
    );
  });
});
