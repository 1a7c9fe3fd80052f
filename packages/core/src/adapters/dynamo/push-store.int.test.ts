import { describe, expect, it } from "vitest";
import { freshTable } from "../../testing/dynamo-local";
import { createDynamoAckStore, createDynamoPushDeviceStore, createDynamoSmsBudget } from "./push-store";

describe("the daily SMS budget (DynamoDB Local)", () => {
  it("lets exactly the budget through when many take at once, and darurat past it, counted", async () => {
    const { client, tableName } = await freshTable();
    const budget = createDynamoSmsBudget(client, tableName);
    const takes = await Promise.all(Array.from({ length: 20 }, () => budget.take("2026-12-02", 5, false)));
    expect(takes.filter((t) => t.allowed)).toHaveLength(5);
    expect(await budget.take("2026-12-02", 5, true)).toEqual({ allowed: true, count: 6 });
    // Another day starts at zero; a given-back take frees its place.
    expect(await budget.take("2026-12-03", 5, false)).toEqual({ allowed: true, count: 1 });
    await budget.giveBack("2026-12-02");
    await budget.giveBack("2026-12-02");
    expect((await budget.take("2026-12-02", 5, false)).allowed).toBe(true);
  });
});

describe("acknowledgements and push devices (DynamoDB Local)", () => {
  it("an acknowledgement is written once, with its audit entry, however often it comes", async () => {
    const { client, tableName } = await freshTable();
    const acks = createDynamoAckStore(client, tableName);
    const ack = {
      reportId: "r-1",
      nrp: "80010002",
      at: "2026-12-02T01:00:00.000Z",
      via: "notifikasi" as const,
    };
    const entry = (i: number) => ({
      subject: "report:r-1",
      auditId: `2026-12-02T01:00:00.000Z#ack-${i}`,
      at: ack.at,
      actorNrp: "80010002",
      actorRole: "bhabinkamtibmas" as const,
      action: "acknowledged",
    });
    const results = await Promise.all([1, 2, 3].map((i) => acks.acknowledge(ack, entry(i))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await acks.acknowledgements("r-1")).toEqual([ack]);
  });

  it("a failing device keeps the time of its first failure until a success clears it", async () => {
    const { client, tableName } = await freshTable();
    const devices = createDynamoPushDeviceStore(client, tableName);
    await devices.put({
      nrp: "80010002",
      deviceId: "d1",
      endpoint: "https://fcm.googleapis.com/fcm/send/x",
      p256dh: "k",
      auth: "a",
      label: "HP",
      createdAt: "2026-12-01T00:00:00.000Z",
    });
    await devices.markFailing("80010002", "d1", "2026-12-02T01:00:00.000Z");
    await devices.markFailing("80010002", "d1", "2026-12-02T02:00:00.000Z");
    expect((await devices.list("80010002"))[0]?.failingSince).toBe("2026-12-02T01:00:00.000Z");
    await devices.markOk("80010002", "d1", "2026-12-02T03:00:00.000Z");
    const [ok] = await devices.list("80010002");
    expect(ok?.failingSince).toBeUndefined();
    expect(ok?.lastOkAt).toBe("2026-12-02T03:00:00.000Z");
    // Marking a removed device changes nothing and does not bring it back.
    expect(await devices.remove("80010002", "d1")).toBe(true);
    await devices.markOk("80010002", "d1", "2026-12-02T04:00:00.000Z");
    expect(await devices.list("80010002")).toEqual([]);
    expect(await devices.remove("80010002", "d1")).toBe(false);
  });
});
