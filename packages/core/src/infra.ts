/**
 * `@lapora/core/infra`: the definitions the stacks share with the code, so AWS and the local runtime are
 * built from one source (docs/architecture.md, "One definition for AWS and local"): the table and its
 * indexes, the stream filter of the alert consumer, the evidence bucket's prefixes, tag and CORS, the
 * prefixes of its access log, the security headers, and which page answers which path. No SDK, nothing
 * that runs at import; the one file it reads is the web build's CSP hashes, when asked (webStyleHashes).
 */
export { parseReportLimits, REPORT_LIMITS } from "./abuse/admission";
export { parseSmsPolicy, SMS_POLICY } from "./alert/sms-rules";
export { STREAM_FILTER } from "./alert/stream";
export { EVIDENCE_ACCESS_LOG } from "./audit/access-log";
export * from "./db/table";
export * from "./evidence/rules";
export { METRICS, metricSeries, metricsNamespace } from "./metrics";
export { SIGN_IN_SESSION_MINUTES } from "./officer/totp";
export { parseServiceTargets, SERVICE_TARGETS } from "./report/targets";
export { parseRetentionDays, RETENTION_DAYS_DEFAULT } from "./reporter/retention";
export * from "./web-pages";
export * from "./web-security";
