/**
 * The DynamoDB (ElectroDB) adapters of every domain, as one entry point: `@lapora/core/dynamo`.
 *
 * Each adapter lives in its domain's folder next to the port it implements, but the domain namespaces
 * (`Report`, `Officer`, ...) export only the ports, so importing domain logic never loads ElectroDB.
 * That lets the api Lambda load this module, and ElectroDB with it, on the first request that touches
 * the table (a separate chunk, `import("@lapora/core/dynamo")`), while the jobs, the stream handlers and
 * the local runtime import it as usual.
 */
export { createDynamoEscalationStore } from "./alert/escalation-store";
export { createDynamoMarkerStore } from "./alert/marker-store";
export { createDynamoSubscriptionRecords } from "./alert/subscription-records";
export { createDynamoAuditStore } from "./audit/store";
export { createDynamoEvidenceStore } from "./evidence/store";
export { createDynamoOfficerStore } from "./officer/store";
export { createSignInThrottle } from "./officer/throttle";
export { createEntities } from "./report/entities";
export { createDynamoReportStore } from "./report/store";
export { createDynamoStatsStore } from "./stats/store";
