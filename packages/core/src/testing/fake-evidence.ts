/**
 * In-memory EvidenceStore, following adapters/dynamo/evidence-store.ts: at most 8 live capability hashes
 * per report (then a fresh set), conditional slot writes, an attach written with its audit entry.
 */
import type { AuditEntry } from "../audit/types";
import type { AttachedSlot, EvidenceSlot, EvidenceStore } from "../evidence/types";
import { copy, type Journal, tick } from "./fake-kit";
import { FakeAuditStore } from "./fake-stores";

// The adapter's limit on one report's capabilities (each replay of a submission adds one).
const MAX_LIVE_SECRETS = 8;

/** A report's upload capability record, as stored: hashes only, never a token. */
export interface AccessRecord {
  secretHashes: string[];
  openUntil: number;
  updatedAt: string;
}

/** Capabilities and photo slots in memory, with the DynamoDB adapter's conditions. */
export class FakeEvidenceStore implements EvidenceStore {
  readonly access = new Map<string, AccessRecord>();
  readonly slots = new Map<string, EvidenceSlot>();
  constructor(
    private readonly audit = new FakeAuditStore(),
    private readonly journal: Journal = [],
  ) {}

  async grantAccess(reportId: string, secretHash: string, openUntil: number, at: string) {
    this.journal.push(`evidence.grantAccess ${reportId}`);
    await tick();
    const held = this.access.get(reportId);
    // A string set: adding a hash it holds changes nothing; a full set is replaced by the new hash alone.
    const hashes = held && held.secretHashes.length < MAX_LIVE_SECRETS ? held.secretHashes : [];
    this.access.set(reportId, {
      secretHashes: [...new Set([...hashes, secretHash])],
      openUntil,
      updatedAt: at,
    });
  }

  async hasAccess(reportId: string, secretHash: string, nowSeconds: number) {
    await tick();
    const held = this.access.get(reportId);
    return !!held && held.openUntil > nowSeconds && held.secretHashes.includes(secretHash);
  }

  async listSlots(reportId: string) {
    await tick();
    return [...this.slots.values()]
      .filter((s) => s.reportId === reportId)
      .sort((a, b) => a.slot - b.slot)
      .map(copy);
  }

  async getSlot(reportId: string, slot: number) {
    await tick();
    const item = this.slots.get(`${reportId}#${slot}`);
    return item && copy(item);
  }

  async issueSlot(slot: EvidenceSlot) {
    this.journal.push(`evidence.issueSlot ${slot.reportId}#${slot.slot}`);
    await tick();
    const key = `${slot.reportId}#${slot.slot}`;
    if (this.slots.has(key)) return false;
    this.slots.set(key, copy(slot));
    return true;
  }

  async reissueSlot(
    reportId: string,
    slot: number,
    next: Pick<EvidenceSlot, "formId" | "contentType" | "issuedAt">,
  ) {
    this.journal.push(`evidence.reissueSlot ${reportId}#${slot}`);
    await tick();
    const held = this.slots.get(`${reportId}#${slot}`);
    // A patch: the slot must exist and not be attached; the other fields (a reject reason) stay.
    if (!held || held.status === "attached") return false;
    this.slots.set(`${reportId}#${slot}`, { ...held, ...copy(next), status: "issued" });
    return true;
  }

  async attach(item: AttachedSlot, audit: AuditEntry) {
    this.journal.push(`evidence.attach ${item.reportId}#${item.slot}`);
    await tick();
    const held = this.slots.get(`${item.reportId}#${item.slot}`);
    if (!held || held.formId !== item.formId || held.status === "attached") return false;
    this.audit.append([audit]);
    this.slots.set(`${item.reportId}#${item.slot}`, { ...held, ...copy(item), status: "attached" });
    return true;
  }

  async reject(reportId: string, slot: number, formId: string, reason: string, at: string) {
    this.journal.push(`evidence.reject ${reportId}#${slot}`);
    await tick();
    const held = this.slots.get(`${reportId}#${slot}`);
    if (!held || held.formId !== formId || held.status === "attached") return;
    this.slots.set(`${reportId}#${slot}`, {
      ...held,
      status: "rejected",
      rejectReason: reason,
      rejectedAt: at,
    });
  }
}
