import { evidenceStoresContract } from "./evidence-contract";
import { FakeAuditStore, FakeEvidenceStore, FakeMarkerStore, fakeStores } from "./fakes";
import { recordStoresContract } from "./store-contract";

// The same suites run against DynamoDB Local in fakes.int.test.ts: the fakes keep the adapters' word.
recordStoresContract("in memory", async () => fakeStores());
evidenceStoresContract("in memory", async () => {
  const audit = new FakeAuditStore();
  return { audit, evidence: new FakeEvidenceStore(audit), markers: new FakeMarkerStore() };
});
