/**
 * In-memory fakes of core's ports, for fast unit tests of rules (the emulators test the adapters; see
 * dynamo-local.ts). Each implements the real port, so changing a port breaks its fake's type check, and
 * keeps the DynamoDB adapter's semantics: conditional creates answer false, version checks "stale",
 * transactions write their audit entries all or nothing, and time limits (openUntil, leases, idempotency
 * expiry) are checked on every read. One fake per file group:
 * - fake-stores.ts: ReportStore, AuditStore, OfficerStore
 * - fake-evidence.ts: EvidenceStore; fake-files.ts: EvidenceFiles
 * - fake-alerts.ts: AlertMarkerStore and the alert channels
 * - fake-kit.ts: the journal, the yield before each atomic step, and injected faults
 */
import { FakeMarkerStore, FakeSmsSender } from "./fake-alerts";
import { FakeEvidenceStore } from "./fake-evidence";
import { FakeEvidenceFiles } from "./fake-files";
import type { Journal } from "./fake-kit";
import { FakeAuditStore, FakeOfficerStore, FakeReportStore } from "./fake-stores";

export * from "./fake-alerts";
export * from "./fake-evidence";
export * from "./fake-files";
export * from "./fake-kit";
export * from "./fake-stores";

/**
 * Core's ports in memory, wired as freshStores() wires the DynamoDB ones: report, roster and evidence
 * writes share one audit trail, and every call is written to one `journal`, in order.
 */
export function fakeStores() {
  const journal: Journal = [];
  const audit = new FakeAuditStore(journal);
  return {
    journal,
    audit,
    reports: new FakeReportStore(audit, journal),
    officers: new FakeOfficerStore(audit, journal),
    evidence: { store: new FakeEvidenceStore(audit, journal), files: new FakeEvidenceFiles(journal) },
    markers: new FakeMarkerStore(journal),
    sms: new FakeSmsSender(journal),
  };
}
