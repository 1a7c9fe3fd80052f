/**
 * In-memory AlertMarkerStore, SmsSender, PushSender, PushDeviceStore, SmsBudget, FollowUpStore and AckStore. The markers follow adapters/dynamo/marker-store.ts: a
 * claim is a conditional put (free, or a `sending` claim whose lease ran out), release and markSent
 * are conditional on the claim id. Each call is atomic, as a conditional write is, but yields first, so
 * concurrent runs interleave.
 */

import type { Acknowledgement, AckStore } from "../alert/ack";
import type { AlertMarkerStore, ClaimOutcome } from "../alert/delivery";
import type { FollowUp, FollowUpStore, SmsBudget, SmsSender } from "../alert/dispatch";
import type { PushDevice, PushDeviceStore, PushMessage, PushOutcome, PushSender } from "../alert/push";
import type { AuditEntry } from "../audit/types";
import type { Officer } from "../officer/types";
import { copy, Faults, type Journal, tick } from "./fake-kit";

/** A stored marker, as the adapter writes it. */
export interface Marker {
  state: "sending" | "sent";
  claimId: string;
  leaseUntil: number;
  at: string;
  messageId?: string;
}

const conditionFailed = () => {
  const err = new Error("The conditional request failed");
  err.name = "ConditionalCheckFailedException";
  return err;
};

/** The "alert sent" markers in memory, one per report and kind. */
export class FakeMarkerStore implements AlertMarkerStore {
  readonly markers = new Map<string, Marker>();
  readonly faults = new Faults<"claim" | "release" | "markSent">();
  constructor(private readonly journal: Journal = []) {}

  /** The marker of one alert, if any. */
  marker(reportId: string, kind: string): Marker | undefined {
    return this.markers.get(`${reportId}#${kind}`);
  }

  async claim(
    reportId: string,
    kind: string,
    claimId: string,
    nowMs: number,
    leaseMs: number,
  ): Promise<ClaimOutcome> {
    this.journal.push(`markers.claim ${reportId}#${kind}`);
    await tick();
    this.faults.check("claim");
    const held = this.marker(reportId, kind);
    if (!held || (held.state === "sending" && held.leaseUntil < nowMs)) {
      const at = new Date(nowMs).toISOString();
      this.markers.set(`${reportId}#${kind}`, { state: "sending", claimId, leaseUntil: nowMs + leaseMs, at });
      return "claimed";
    }
    return held.state === "sent" ? "sent" : "busy";
  }

  async release(reportId: string, kind: string, claimId: string) {
    this.journal.push(`markers.release ${reportId}#${kind}`);
    await tick();
    this.faults.check("release");
    // Only our own claim: a run whose lease was taken over must not free the new holder's.
    if (this.marker(reportId, kind)?.claimId === claimId) this.markers.delete(`${reportId}#${kind}`);
  }

  async markSent(reportId: string, kind: string, claimId: string, messageId: string, nowMs: number) {
    this.journal.push(`markers.markSent ${reportId}#${kind}`);
    await tick();
    this.faults.check("markSent");
    const held = this.marker(reportId, kind);
    if (!held || held.claimId !== claimId) throw conditionFailed();
    this.markers.set(`${reportId}#${kind}`, {
      ...held,
      state: "sent",
      messageId,
      at: new Date(nowMs).toISOString(),
    });
  }
}

/** SNS's SMS in memory: what each officer was sent, in order. */
export class FakeSmsSender implements SmsSender {
  readonly sent: { nrp: string; text: string }[] = [];
  readonly faults = new Faults<"send">();
  constructor(private readonly journal: Journal = []) {}
  async send(officer: Officer, text: string) {
    this.journal.push(`sms.send ${officer.nrp}`);
    await tick();
    this.faults.check("send");
    this.sent.push({ nrp: officer.nrp, text });
    return `sms-${this.sent.length}`;
  }
  to(nrp: string) {
    return this.sent.filter((s) => s.nrp === nrp).map((s) => s.text);
  }
}

/** A push service in memory: `mode` per device id (default sent). */
export class FakePushSender implements PushSender {
  readonly sent: { nrp: string; deviceId: string; message: PushMessage }[] = [];
  readonly mode = new Map<string, PushOutcome>();
  async send(device: PushDevice, message: PushMessage) {
    await tick();
    const outcome = this.mode.get(device.deviceId) ?? this.mode.get("*") ?? "sent";
    if (outcome === "sent") this.sent.push({ nrp: device.nrp, deviceId: device.deviceId, message });
    return { outcome, status: outcome === "sent" ? 201 : outcome === "gone" ? 410 : 503 };
  }
}

export class FakePushDeviceStore implements PushDeviceStore {
  readonly devices = new Map<string, PushDevice>();
  async list(nrp: string) {
    await tick();
    return [...this.devices.values()].filter((d) => d.nrp === nrp).map((d) => copy(d));
  }
  async put(device: PushDevice) {
    this.devices.set(`${device.nrp}#${device.deviceId}`, copy(device));
  }
  async remove(nrp: string, deviceId: string) {
    return this.devices.delete(`${nrp}#${deviceId}`);
  }
  async removeAll(nrp: string) {
    const mine = [...this.devices.keys()].filter((k) => k.startsWith(`${nrp}#`));
    for (const k of mine) this.devices.delete(k);
    return mine.length;
  }
  async markOk(nrp: string, deviceId: string, at: string) {
    const d = this.devices.get(`${nrp}#${deviceId}`);
    if (!d) return;
    const { failingSince: _f, ...rest } = d;
    this.devices.set(`${nrp}#${deviceId}`, { ...rest, lastOkAt: at });
  }
  async markFailing(nrp: string, deviceId: string, at: string) {
    const d = this.devices.get(`${nrp}#${deviceId}`);
    if (d) this.devices.set(`${nrp}#${deviceId}`, { ...d, failingSince: d.failingSince ?? at });
  }
}

/** The day's SMS counter in memory, with the adapter's rule: critical always counts. */
export class FakeSmsBudget implements SmsBudget {
  readonly days = new Map<string, number>();
  async take(day: string, budget: number, critical: boolean) {
    await tick();
    const count = this.days.get(day) ?? 0;
    if (!critical && count >= budget) return { allowed: false, count };
    this.days.set(day, count + 1);
    return { allowed: true, count: count + 1 };
  }
  async giveBack(day: string) {
    this.days.set(day, (this.days.get(day) ?? 1) - 1);
  }
}

export class FakeFollowUps implements FollowUpStore {
  readonly items = new Map<string, FollowUp>();
  async schedule(f: FollowUp) {
    this.items.set(`${f.alert.reportId}#${f.alert.kind}#${f.nrp}`, copy(f));
  }
  async due(atIso: string, limit: number) {
    return [...this.items.values()]
      .filter((f) => f.dueAt <= atIso)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .slice(0, limit)
      .map((f) => copy(f));
  }
  async done(f: FollowUp) {
    this.items.delete(`${f.alert.reportId}#${f.alert.kind}#${f.nrp}`);
  }
}

export class FakeAcks implements AckStore {
  readonly acks: Acknowledgement[] = [];
  readonly audit: AuditEntry[] = [];
  async acknowledge(ack: Acknowledgement, audit: AuditEntry) {
    await tick();
    if (this.acks.some((a) => a.reportId === ack.reportId && a.nrp === ack.nrp)) return false;
    this.acks.push(copy(ack));
    this.audit.push(copy(audit));
    return true;
  }
  async acknowledgements(reportId: string) {
    return this.acks.filter((a) => a.reportId === reportId).map((a) => copy(a));
  }
}
