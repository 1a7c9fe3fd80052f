import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Acknowledgement, AckStore } from "../../alert/ack";
import type { FollowUp, FollowUpStore, SmsBudget } from "../../alert/dispatch";
import type { PushDevice, PushDeviceStore } from "../../alert/push";
import { createService } from "../../db/service";

const conditionFailed = (err: unknown) =>
  /ConditionalCheckFailed|conditional request failed/i.test(
    `${(err as Error)?.name} ${(err as Error)?.message}`,
  );

/** The DynamoDB adapter of PushDeviceStore: one item per device in the officer's partition. */
export function createDynamoPushDeviceStore(client: DynamoDBDocumentClient, table: string): PushDeviceStore {
  const { pushDevice } = createService(client, table).entities;
  const list = async (nrp: string) => {
    const { data } = await pushDevice.query.byNrp({ nrp }).go({ pages: "all" });
    return data.map((d) => {
      const { lastOkAt, failingSince, ...rest } = d;
      return { ...rest, ...(lastOkAt ? { lastOkAt } : {}), ...(failingSince ? { failingSince } : {}) };
    }) as PushDevice[];
  };
  return {
    list,
    async put(device) {
      await pushDevice.put(device).go();
    },
    async remove(nrp, deviceId) {
      const { data } = await pushDevice.delete({ nrp, deviceId }).go({ response: "all_old" });
      return data !== null && data !== undefined;
    },
    async removeAll(nrp) {
      const devices = await list(nrp);
      if (devices.length > 0)
        await pushDevice.delete(devices.map(({ nrp, deviceId }) => ({ nrp, deviceId }))).go();
      return devices.length;
    },
    async markOk(nrp, deviceId, at) {
      try {
        await pushDevice.patch({ nrp, deviceId }).set({ lastOkAt: at }).remove(["failingSince"]).go();
      } catch (err) {
        if (!conditionFailed(err)) throw err; // removed meanwhile
      }
    },
    async markFailing(nrp, deviceId, at) {
      try {
        await pushDevice
          .patch({ nrp, deviceId })
          .set({ failingSince: at })
          .where((a, op) => op.notExists(a.failingSince))
          .go();
      } catch (err) {
        if (!conditionFailed(err)) throw err; // failing already (the first failure's time stays), or removed
      }
    },
  };
}

/** The DynamoDB adapter of AckStore: the acknowledgement and its audit entry in one transaction. */
export function createDynamoAckStore(client: DynamoDBDocumentClient, table: string): AckStore {
  const db = createService(client, table);
  return {
    async acknowledge(ack, entry) {
      const result = await db.transaction
        .write(({ acknowledgement, audit }) => [
          acknowledgement.create(ack).commit(),
          audit.create(entry).commit(),
        ])
        .go();
      if (!result.canceled) return true;
      const codes: string[] = result.data.map((d) => d.code);
      if (codes[0] === "ConditionalCheckFailed") return false;
      if (codes.includes("TransactionConflict")) return false;
      throw new Error(`Acknowledgement canceled: ${codes.join(", ")}`);
    },
    async acknowledgements(reportId) {
      const { data } = await db.entities.acknowledgement.query.byReport({ reportId }).go({ pages: "all" });
      return data as Acknowledgement[];
    },
  };
}

/** SMS-day counters outlive their day by a week, for the operators' look; then TTL removes them. */
const BUDGET_TTL_SECONDS = 8 * 86_400;

/**
 * The DynamoDB adapter of SmsBudget: one counter per WIB day, incremented atomically with the condition
 * that it is below the budget (critical SMS: no condition).
 */
export function createDynamoSmsBudget(client: DynamoDBDocumentClient, table: string): SmsBudget {
  const { smsBudget } = createService(client, table).entities;
  const expiresAt = () => Math.floor(Date.now() / 1000) + BUDGET_TTL_SECONDS;
  return {
    async take(day, budget, critical) {
      const update = smsBudget.update({ smsDay: day }).add({ count: 1 }).set({ expiresAt: expiresAt() });
      try {
        const { data } = await (critical
          ? update
          : update.where((a, op) => `${op.notExists(a.count)} OR ${op.lt(a.count, budget)}`)
        ).go({ response: "all_new" });
        return { allowed: true, count: data.count ?? 1 };
      } catch (err) {
        if (!conditionFailed(err)) throw err;
        return { allowed: false, count: budget };
      }
    },
    async giveBack(day) {
      await smsBudget.update({ smsDay: day }).add({ count: -1 }).go();
    },
  };
}

/** The DynamoDB adapter of FollowUpStore: items in the report's collection, due ones on gsi3. */
export function createDynamoFollowUps(client: DynamoDBDocumentClient, table: string): FollowUpStore {
  const { smsFollowUp } = createService(client, table).entities;
  return {
    async schedule({ alert, nrp, dueAt }) {
      const { reportId, kind, trackingCode, category, priority, kecamatan, desa, waitedMinutes } = alert;
      try {
        await smsFollowUp
          .create({
            reportId,
            kind,
            nrp,
            dueAt,
            trackingCode,
            category,
            priority,
            kecamatan,
            desa,
            ...(waitedMinutes !== undefined ? { waitedMinutes } : {}),
          })
          .go();
      } catch (err) {
        // Scheduled by an earlier try of the same record: its due time stands.
        if (!conditionFailed(err)) throw err;
      }
    },
    async due(atIso, limit) {
      const { data } = await smsFollowUp.query.due({}).lte({ dueAt: atIso }).go({ limit });
      return data.map(({ reportId, kind, nrp, dueAt, waitedMinutes, ...source }) => ({
        nrp,
        dueAt,
        alert: { reportId, kind, ...source, ...(waitedMinutes !== undefined ? { waitedMinutes } : {}) },
      })) as FollowUp[];
    },
    async done({ alert, nrp }) {
      await smsFollowUp.delete({ reportId: alert.reportId, kind: alert.kind, nrp }).go();
    },
  };
}
