/**
 * What EvidenceStore and AlertMarkerStore promise, as one suite run against the in-memory fakes
 * (fakes.test.ts) and the DynamoDB adapters on DynamoDB Local (fakes.int.test.ts).
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AlertMarkerStore } from "../alert/delivery";
import type { AuditStore } from "../audit/store";
import type { AttachedSlot, EvidenceSlot, EvidenceStore } from "../evidence/types";

export interface EvidenceStores {
  evidence: EvidenceStore;
  markers: AlertMarkerStore;
  audit: AuditStore;
}

const AT = "2026-11-28T01:00:00.000Z";
const NOW = Date.parse(AT) / 1000;
const slot = (reportId: string, n: number, formId = `form-${n}`): EvidenceSlot => ({
  reportId,
  slot: n,
  status: "issued",
  contentType: "image/jpeg",
  formId,
  issuedAt: AT,
});
const attached = (s: EvidenceSlot): AttachedSlot => ({
  ...s,
  status: "attached",
  detectedType: "image/jpeg",
  bytes: 1234,
  sha256: "ab".repeat(32),
  attachedAt: AT,
});
const received = (reportId: string, n: number) => ({
  subject: `report:${reportId}`,
  auditId: `${AT}#${n}${randomUUID().slice(0, 4)}`,
  at: AT,
  actorNrp: "evidence-uploaded",
  actorRole: "system" as const,
  action: "evidence_received",
});

/** Runs the evidence and alert-marker stores' contract on the stores `make` gives. */
export function evidenceStoresContract(label: string, make: () => Promise<EvidenceStores>) {
  describe(`evidence and marker stores: ${label}`, () => {
    let s: EvidenceStores;
    beforeAll(async () => {
      s = await make();
    });

    it("keep up to 8 live capabilities, then start afresh with the newest, and close at openUntil", async () => {
      const id = randomUUID();
      for (let i = 1; i <= 9; i++) await s.evidence.grantAccess(id, `h${i}`, NOW + 600, AT);
      expect(await s.evidence.hasAccess(id, "h9", NOW)).toBe(true);
      expect(await s.evidence.hasAccess(id, "h1", NOW)).toBe(false);
      expect(await s.evidence.hasAccess(id, "h9", NOW + 599)).toBe(true);
      expect(await s.evidence.hasAccess(id, "h9", NOW + 600)).toBe(false);
      expect(await s.evidence.hasAccess(randomUUID(), "h9", NOW)).toBe(false);
    });

    it("issue a slot once, re-issue it until it is attached, attach it only under its form id", async () => {
      const id = randomUUID();
      expect(await s.evidence.issueSlot(slot(id, 1))).toBe(true);
      expect(await s.evidence.issueSlot(slot(id, 1, "another"))).toBe(false);
      expect(
        await s.evidence.reissueSlot(id, 2, { formId: "f", contentType: "image/png", issuedAt: AT }),
      ).toBe(false);
      await s.evidence.reject(id, 1, "form-1", "type", AT);
      expect(await s.evidence.getSlot(id, 1)).toMatchObject({ status: "rejected", rejectReason: "type" });
      const next = { formId: "form-1b", contentType: "image/png" as const, issuedAt: AT };
      expect(await s.evidence.reissueSlot(id, 1, next)).toBe(true);
      expect(await s.evidence.getSlot(id, 1)).toMatchObject({ ...next, status: "issued" });
      expect(await s.evidence.attach(attached(slot(id, 1, "form-1")), received(id, 1))).toBe(false);
      expect(await s.evidence.attach(attached(slot(id, 1, "form-1b")), received(id, 1))).toBe(true);
      expect(await s.evidence.attach(attached(slot(id, 1, "form-1b")), received(id, 1))).toBe(false);
      expect(await s.evidence.reissueSlot(id, 1, next)).toBe(false);
      await s.evidence.reject(id, 1, "form-1b", "late", AT);
      expect(await s.evidence.getSlot(id, 1)).toMatchObject({ status: "attached", sha256: "ab".repeat(32) });
      expect((await s.audit.list(`report:${id}`)).map((e) => e.action)).toEqual(["evidence_received"]);
    });

    it("list a report's slots in slot order", async () => {
      const id = randomUUID();
      for (const n of [3, 1, 2]) await s.evidence.issueSlot(slot(id, n));
      expect((await s.evidence.listSlots(id)).map((x) => x.slot)).toEqual([1, 2, 3]);
      expect(await s.evidence.listSlots(randomUUID())).toEqual([]);
    });

    it("claim an alert once: busy within the lease, free after it, sent for good once marked", async () => {
      const id = randomUUID();
      const t = Date.parse(AT);
      expect(await s.markers.claim(id, "baru", "a", t, 1000)).toBe("claimed");
      expect(await s.markers.claim(id, "baru", "b", t + 1000, 1000)).toBe("busy");
      expect(await s.markers.claim(id, "eskalasi-spkt", "b", t, 1000)).toBe("claimed");
      expect(await s.markers.claim(id, "baru", "b", t + 1001, 1000)).toBe("claimed");
      await expect(s.markers.markSent(id, "baru", "a", "m-a", t + 1002)).rejects.toThrow();
      await s.markers.release(id, "baru", "a");
      expect(await s.markers.claim(id, "baru", "c", t + 1003, 1000)).toBe("busy");
      await s.markers.markSent(id, "baru", "b", "m-b", t + 1004);
      expect(await s.markers.claim(id, "baru", "d", t + 999_999, 1000)).toBe("sent");
    });

    it("free an alert on release by its holder", async () => {
      const id = randomUUID();
      const t = Date.parse(AT);
      await s.markers.claim(id, "baru", "a", t, 60_000);
      await s.markers.release(id, "baru", "a");
      expect(await s.markers.claim(id, "baru", "b", t + 1, 60_000)).toBe("claimed");
    });
  });
}
