/**
 * The part of core the browser may load: pure rules, tables and types, nothing that does I/O or pulls
 * node:crypto, the AWS SDK or ElectroDB. The web app imports core only through this file
 * (`@lapora/core/browser`). Plain re-exports, so the bundler keeps only what a page uses; types that
 * live beside server code (evidence/viewing) are re-exported as types only.
 */
export * from "./abuse/form";
export * from "./access/policy";
export type { AuditEntry } from "./audit/types";
export * from "./evidence/rules";
export type { UploadForm } from "./evidence/types";
export type { EvidenceView } from "./evidence/viewing";
export { NRP_PATTERN } from "./officer/nrp";
export * from "./officer/roles";
export { TOTP_CODE_PATTERN } from "./officer/totp";
export type { Officer } from "./officer/types";
export * from "./phone/phone";
export * from "./region/region";
export * from "./report/category";
export * from "./report/input";
export * from "./report/labels";
export * from "./report/messages";
export * from "./report/priority";
export type { PublicReportView } from "./report/public-view";
export * from "./report/status";
export {
  CANONICAL_PATTERN as TRACKING_CODE_PATTERN,
  type ParseResult as TrackingCodeParse,
  parse as parseTrackingCode,
} from "./report/tracking-code";
export type { Report, SubmitReceipt, TimelineEntry } from "./report/types";
export { callAllowedAt } from "./reporter/contact";
export type { Durations, WeeklyStats } from "./stats/aggregate";
export {
  type Cell,
  MIN_CASES_FOR_TIMES,
  type PublicDurations,
  type PublicWeeklyStats,
} from "./stats/publish";
export * from "./stats/week";
export { WEB_PAGES, webPageFor } from "./web-pages";
