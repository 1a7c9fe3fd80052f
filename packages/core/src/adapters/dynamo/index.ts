/**
 * The DynamoDB (ElectroDB) adapters of every port, exported as `@lapora/core/dynamo` (through ../../dynamo.ts).
 * The domain namespaces (`Report`, `Officer`, ...) export only the ports, so importing domain logic never
 * loads ElectroDB: the api Lambda loads this module on the first request that touches the table.
 */
export { createService, type LaporaService } from "../../db/service";
export { createDynamoAuditStore } from "./audit-store";
export { ensureTable } from "./ensure-table";
export { createDynamoEscalationStore } from "./escalation-store";
export { createDynamoEvidenceStore } from "./evidence-store";
export { createDynamoMarkerStore } from "./marker-store";
export { createDynamoOfficerStore } from "./officer-store";
export {
  createDynamoAckStore,
  createDynamoFollowUps,
  createDynamoPushDeviceStore,
  createDynamoSmsBudget,
} from "./push-store";
export { createDynamoQuarantineStore } from "./quarantine-store";
export { createDynamoReportStore, createDynamoRetentionStore } from "./report-store";
export { createDynamoReporterStore, createDynamoReporterUpdates } from "./reporter-store";
export { createSignInThrottle } from "./sign-in-throttle";
export { createDynamoStatsStore } from "./stats-store";
export { createDynamoSubscriptionRecords } from "./subscription-records";
export { createDynamoTestReportStore } from "./test-report-store";
