/**
 * What the code cannot tell the cost model: how people use Lapora, and how long each Lambda runs. Each value
 * says where it comes from: **measured** (a bench result), **code** (a constant the code fixes) or
 * **assumed** (a judgement, to be replaced by the first months' real figures from the AWS bill and
 * CloudWatch). Change one here and `npm run cost` follows; docs/cost.md then needs regenerating.
 */
import { DISPLAY_LONG_SIDE, MAX_BYTES } from "@lapora/core/infra";

export interface Assumption {
  value: number;
  why: string;
}

export const ASSUMPTIONS = {
  // SMS
  officerSmsPerReport: {
    value: 0.24,
    why: "measured: `npm run bench -- alert-cost`, push first (2026-12-07): `darurat` SMS at once and `tinggi` SMS nobody acknowledged in 5 minutes; no escalations, reporter updates or digests",
  },
  routedOfficersPerReport: {
    value: 1.217,
    why: "measured, same bench: SMS per report when every alert went by SMS, i.e. officers each alert reaches (push messages per report now)",
  },
  escalationSmsPerReport: {
    value: 0.05,
    why: "assumed: a quarter of reports are `darurat` or `tinggi` (the bench's mix) and one in five of those waits 15 minutes unacknowledged: one SMS to the Kapolsek",
  },
  reporterOptInShare: {
    value: 0.25,
    why: 'assumed: reporters who leave a phone number and tick "Kabari saya lewat SMS"',
  },
  reporterUpdatesPerOptIn: {
    value: 2,
    why: "code: an update when verified and when resolved or rejected (a question adds one); at most one a day except resolved, delayed and never dropped",
  },
  cognitoSmsPerMonth: {
    value: 10,
    why: "assumed: invitation and password-reset codes of the officers (docs/deploy.md)",
  },
  summarySmsSubscribers: {
    value: 2,
    why: "assumed: pimpinan who take the weekly summary (`summaries` topic) by SMS, not e-mail",
  },
  // Officers
  officers: { value: 100, why: "assumed: officers on the roster, each signing in every month (Cognito MAU)" },
  officerApiRequestsPerReport: {
    value: 25,
    why: "assumed: queue pages, the report's page, photo links, acknowledgement, 4 changes, the thread",
  },
  officerChangesPerReport: {
    value: 4,
    why: "assumed: verify, assign, handle, resolve; each a report put with its audit entry in one transaction",
  },
  acksPerReport: { value: 1, why: 'assumed: one officer presses "Terima" or opens the notification' },
  consoleLoadsPerOfficerMonth: { value: 30, why: "assumed: the console opened once a shift" },
  consolePageKB: { value: 60, why: "assumed: the console's gzipped JS and CSS, mostly cached" },
  consolePageRequests: { value: 5, why: "assumed: HTML, JS, CSS, manifest, service worker" },
  // The public
  formVisitsPerReport: { value: 3, why: "assumed: people who open the form per report sent" },
  formPageKB: {
    value: 112,
    why: "measured (`npm run bench -- web`, 2026-12-08): a first visit, HTML 5.6 KB and JS+CSS 34.5 KB gzipped, then the service worker's precache, 71.8 KB at most",
  },
  formPageRequests: {
    value: 19,
    why: "code: HTML, JS, the favicon and the service worker, then its 14 precache entries and the manifest",
  },
  trackingVisitsPerReport: { value: 4, why: "assumed: the reporter opens the tracking page 4 times" },
  trackingPageKB: { value: 15, why: "assumed: HTML and the report-view chunk, the rest cached" },
  trackingPageRequests: { value: 2, why: "code: HTML and the report-view chunk" },
  apiRequestsPerTrackingVisit: { value: 2, why: "code: the public view and the reporter's own view" },
  apiResponseKB: { value: 3, why: "assumed: an API answer, gzipped" },
  // Photos
  photosPerReport: { value: 1.5, why: "assumed: of the 5 allowed" },
  originalKB: {
    value: 400,
    why: `assumed: the browser sends a 1600 px JPEG of a few hundred KB (the upload form allows ${MAX_BYTES / 1024 / 1024} MB)`,
  },
  displayKB: { value: 250, why: `assumed: the ${DISPLAY_LONG_SIDE} px JPEG display copy, metadata stripped` },
  photoViewsPerPhoto: {
    value: 4,
    why: "assumed: officers open each display copy 4 times (straight from S3)",
  },
  monthsInService: {
    value: 12,
    why: "assumed: the table is the 12th month, with 12 months of photos and records stored; nothing expires (originals are locked 5 years in prod)",
  },
  // DynamoDB
  reportItemKB: {
    value: 2,
    why: "assumed: a report item with its timeline (description up to 2,000 characters)",
  },
  otherItemsKBPerReport: {
    value: 6,
    why: "assumed: audit entries, tracking code, photo slots, access records, thread, alert markers",
  },
  officerItemKB: { value: 1, why: "assumed: a roster item (report-events reads the roster per report)" },
  readUnitsPerPublicRequest: { value: 2, why: "assumed: strongly consistent gets of a code and a report" },
  readUnitsPerOfficerRequest: { value: 6, why: "assumed: a queue page of about 20 reports, or a report" },
  queriesPerScheduledRun: { value: 3, why: "assumed: each every-minute run queries a few due lists" },
  daruratShare: { value: 0.05, why: "measured mix of the alert-cost bench" },
  tinggiShare: { value: 0.2, why: "measured mix of the alert-cost bench" },
  // Lambda run time, billed, with cold starts spread over the runs
  apiMs: { value: 150, why: "assumed: an API request (intake measured 87 ms p50 locally)" },
  reportEventsMs: { value: 500, why: "assumed: routing, push to each device, SNS" },
  evidenceMs: { value: 1200, why: "assumed: sharp decodes and re-encodes one photo" },
  scheduledRunMs: { value: 150, why: "assumed: an every-minute job with nothing due" },
  weeklyStatsMs: { value: 10000, why: "assumed: two weeks of reports read by day" },
  contactRetentionMs: { value: 3000, why: "assumed: the day's erasures" },
  accessLogScrubMs: { value: 200, why: "assumed: one access log file read, scrubbed, written and deleted" },
  // Logs
  logKBPerInvocation: { value: 1, why: "assumed: Lambda's START/END/REPORT lines and one or two JSON lines" },
  logKBPerScheduledRun: { value: 0.4, why: "assumed: the platform lines of a run with nothing to do" },
  accessLogKB: {
    value: 0.4,
    why: "code: one JSON line of 13 fields per API request (stacks/api-access-log.ts)",
  },
  smsLogKB: { value: 1, why: "assumed: one SNS delivery-status line per SMS (kept until deleted)" },
  trailEventsPerPhoto: {
    value: 4,
    why: "code: evidence-uploaded reads, tags and (in prod) locks each original, and an officer opens it about once; the reporter's own upload is not recorded (stacks/Audit.ts)",
  },
  trailEventKB: {
    value: 0.5,
    why: "assumed: one CloudTrail record in its gzipped log file (about 1.5 KB of JSON)",
  },
  evidenceAccessLogRecordsPerFile: {
    value: 2,
    why: "assumed: S3 delivers its access log in small files, a few minutes of requests each; at a district's rate a couple of records a file, each file one `access-log-scrub` run",
  },
  evidenceAccessLogRecordKB: {
    value: 0.4,
    why: "assumed: one line of 27 fields per request to the evidence bucket, without its user agent and referrer (packages/core/src/audit/access-log.ts)",
  },
  cloudFrontLogKB: {
    value: 0.4,
    why: "code: one JSON line of 21 fields per request (stacks/cloudfront-logs.ts), priced uncompressed for delivery and storage alike",
  },
} as const satisfies Record<string, Assumption>;

export type Assumptions = { [K in keyof typeof ASSUMPTIONS]: number };

/** The values alone, for the model. */
export const assumptionValues = (): Assumptions =>
  Object.fromEntries(Object.entries(ASSUMPTIONS).map(([k, a]) => [k, a.value])) as Assumptions;
