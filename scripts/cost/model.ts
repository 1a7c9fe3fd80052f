/**
 * The monthly cost, service by service, as a fixed part and a part per report, from the stacks' settings
 * (stack-settings.ts), the usage assumptions (assumptions.ts) and the prices (prices.ts). Linear on
 * purpose: every figure is a product a reader can check by hand.
 */
import type { Assumptions } from "./assumptions";
import {
  readUnitsPerReport,
  smsPerReport,
  storedKBPerReport,
  total,
  writeUnitsPerReport,
} from "./dynamo-units";
import { PRICES } from "./prices";
import type { LambdaName, StackSettings } from "./stack-settings";

export interface CostLine {
  service: string;
  /** USD a month at 0 reports. */
  fixed: number;
  /** USD per report a month. */
  perReport: number;
  sms: boolean;
}

export const cost = (line: Pick<CostLine, "fixed" | "perReport">, reports: number) =>
  line.fixed + line.perReport * reports;

const GB = 1024 * 1024; // KB in a GB
const MILLION = 1_000_000;
const DAYS_A_MONTH = 365.25 / 12;

/** Billed run time of each scheduled Lambda's run: a new schedule needs a line here. */
const RUN_MS: Partial<Record<LambdaName, keyof Assumptions>> = {
  escalation: "scheduledRunMs",
  alertFollowUp: "scheduledRunMs",
  weeklyStats: "weeklyStatsMs",
  contactRetention: "contactRetentionMs",
};

/**
 * Requests to the evidence bucket per report, each one record of its access log: per photo the upload, the
 * display copy, its tagging and lock (4 writes) and evidence-uploaded's read; then the officers' views.
 */
const evidenceWrites = (a: Assumptions) => a.photosPerReport * 4;
const evidenceReads = (a: Assumptions) => a.photosPerReport * (1 + a.photoViewsPerPhoto);

/** The evidence bucket's access log files a report brings, each one `access-log-scrub` run (0 without the log). */
const accessLogFilesPerReport = (s: StackSettings, a: Assumptions) =>
  s.audit.evidenceAccessLogDays > 0
    ? (evidenceWrites(a) + evidenceReads(a)) / a.evidenceAccessLogRecordsPerFile
    : 0;

/** Requests and run time of the Lambdas: per report, and the scheduled runs a month. */
function lambdaUse(s: StackSettings, a: Assumptions, publicRequests: number) {
  const gbSeconds = (name: LambdaName, runs: number, ms: number) => {
    const fn = s.lambdas[name];
    const price = fn.arm ? PRICES.lambdaArmGbSecond.usd : PRICES.lambdaX86GbSecond.usd;
    return runs * (ms / 1000) * (fn.memoryMb / 1024) * price;
  };
  const perReportRuns: [LambdaName, number, number][] = [
    ["apiPublic", publicRequests, a.apiMs],
    ["apiOfficer", a.officerApiRequestsPerReport, a.apiMs],
    ["reportEvents", 1, a.reportEventsMs],
    ["evidenceUploaded", a.photosPerReport, a.evidenceMs],
    ["accessLogScrub", accessLogFilesPerReport(s, a), a.accessLogScrubMs],
  ];
  const scheduled = Object.entries(s.lambdas).filter(([, fn]) => fn.scheduledRunsPerMonth > 0);
  const fixedRuns = scheduled.map(([name, fn]) => {
    const key = RUN_MS[name as LambdaName];
    if (!key)
      throw new Error(`The cost model has no run time for the scheduled Lambda ${name}: add it to RUN_MS.`);
    return [name as LambdaName, fn.scheduledRunsPerMonth, a[key]] as [LambdaName, number, number];
  });
  const sum = (runs: [LambdaName, number, number][]) => ({
    invocations: runs.reduce((n, [, r]) => n + r, 0),
    // X-Ray's default rule traces the first request each second and 5% beyond: at a district's rate,
    // nearly every run.
    traced: runs.reduce((n, [name, r]) => n + (s.lambdas[name].tracing ? r : 0), 0),
    usd: runs.reduce(
      (n, [name, r, ms]) => n + gbSeconds(name, r, ms) + (r * PRICES.lambdaRequests.usd) / MILLION,
      0,
    ),
  });
  return { perReport: sum(perReportRuns), fixed: sum(fixedRuns) };
}

/** Requests to the public API per report: the report itself, then the tracking page's. */
export const publicRequestsPerReport = (a: Assumptions) =>
  1 + a.trackingVisitsPerReport * a.apiRequestsPerTrackingVisit;

/** Every line of the monthly bill. */
export function costLines(s: StackSettings, a: Assumptions): CostLine[] {
  const sms = PRICES.sms.usd;
  const weeksAMonth = s.lambdas.weeklyStats.scheduledRunsPerMonth;
  const publicRequests = publicRequestsPerReport(a);
  const apiRequests = publicRequests + a.officerApiRequestsPerReport;
  const lambda = lambdaUse(s, a, publicRequests);

  const writes = total(writeUnitsPerReport(a, s.table.indexes));
  const reads = total(readUnitsPerReport(a, publicRequests));
  const fixedReads =
    Object.values(s.lambdas).reduce((n, fn) => n + fn.scheduledRunsPerMonth, 0) * a.queriesPerScheduledRun;
  const stored = storedKBPerReport(a, s.table.indexes);
  const pitr = s.table.pointInTimeRecovery ? PRICES.dynamoPitr.usd : 0;

  const photoKB = a.photosPerReport * (a.originalKB + a.displayKB);
  const views = a.photosPerReport * a.photoViewsPerPhoto;

  const edgeRequests =
    a.formVisitsPerReport * a.formPageRequests +
    a.trackingVisitsPerReport * a.trackingPageRequests +
    apiRequests;
  const edgeKB =
    a.formVisitsPerReport * a.formPageKB +
    a.trackingVisitsPerReport * a.trackingPageKB +
    apiRequests * a.apiResponseKB;
  const consoleLoads = a.officers * a.consoleLoadsPerOfficerMonth;
  const edge = (requests: number, kb: number) =>
    (requests * PRICES.cloudFrontRequests.usd) / 10_000 +
    (kb / GB) * PRICES.cloudFrontTransfer.usd +
    (requests * s.cloudFrontFunctionsPerRequest * PRICES.cloudFrontFunctions.usd) / MILLION;

  const retention = Math.max(
    s.accessLogRetentionDays,
    ...Object.values(s.lambdas).map((fn) => fn.logRetentionDays),
  );
  const keptMonths = retention / DAYS_A_MONTH;
  const logs = (kb: number) => (kb / GB) * (PRICES.logsIngestion.usd + keptMonths * PRICES.logsStorage.usd);
  const fixedSms = a.cognitoSmsPerMonth + a.summarySmsSubscribers * weeksAMonth;
  // SNS's delivery-status log groups have no retention: each SMS's line is kept.
  const smsLogs = (count: number) =>
    ((count * a.smsLogKB * s.sms.deliveryLogPercent) / 100 / GB) *
    (PRICES.logsIngestion.usd + a.monthsInService * PRICES.logsStorage.usd);
  const scheduledRuns = lambda.fixed.invocations;
  // The audit trail: data events on the originals and their log files, and CloudFront's logs, each kept
  // as long as its bucket keeps it (or the months in service, if shorter). Management events: the first
  // copy of an account's is free.
  const { audit } = s;
  const keptFor = (days: number) => Math.min(a.monthsInService, days / DAYS_A_MONTH);
  const trailEvents = audit.trails > 0 ? a.photosPerReport * a.trailEventsPerPhoto : 0;
  const edgeLogs = (requests: number) =>
    ((requests * a.cloudFrontLogKB) / GB) *
    (audit.cloudFrontLogDays > 0
      ? PRICES.vendedLogsToS3.usd + keptFor(audit.cloudFrontLogDays) * PRICES.s3Storage.usd
      : 0);
  // The evidence bucket's access log: S3's delivery is free; each file is listed and read, written again
  // scrubbed (a PUT-class list and put, a GET), deleted (free), and kept as long as its bucket keeps it.
  const accessLogFiles = accessLogFilesPerReport(s, a);
  const accessLogRecords = accessLogFiles * a.evidenceAccessLogRecordsPerFile;
  const span = (days: number) => (days >= 365 ? `${Math.round(days / 365)} years` : `${days} days`);

  return [
    {
      service: `SMS: officers' alerts (${a.officerSmsPerReport} a report, measured)`,
      fixed: 0,
      perReport: a.officerSmsPerReport * sms,
      sms: true,
    },
    {
      service: `SMS: reporter updates (${pct(a.reporterOptInShare)} opt in, ${a.reporterUpdatesPerOptIn} each)`,
      fixed: 0,
      perReport: a.reporterOptInShare * a.reporterUpdatesPerOptIn * sms,
      sms: true,
    },
    {
      service: `SMS: escalations (${a.escalationSmsPerReport} a report, assumed)`,
      fixed: 0,
      perReport: a.escalationSmsPerReport * sms,
      sms: true,
    },
    { service: "SMS: sign-in codes, weekly summaries", fixed: fixedSms * sms, perReport: 0, sms: true },
    {
      service: `Lambda (${arches(s)}, ${[...new Set(Object.values(s.lambdas).map((fn) => fn.memoryMb))].join("/")} MB)`,
      fixed: lambda.fixed.usd,
      perReport: lambda.perReport.usd,
      sms: false,
    },
    {
      service: "X-Ray (active tracing, every run traced)",
      fixed: (lambda.fixed.traced * PRICES.xrayTraces.usd) / MILLION,
      perReport: (lambda.perReport.traced * PRICES.xrayTraces.usd) / MILLION,
      sms: false,
    },
    {
      service: "API Gateway (HTTP API)",
      fixed: 0,
      perReport: (apiRequests * PRICES.httpApiRequests.usd) / MILLION,
      sms: false,
    },
    {
      service: `DynamoDB requests (${s.table.indexes} GSIs)`,
      fixed: (fixedReads * PRICES.dynamoReads.usd) / MILLION,
      perReport: (writes * PRICES.dynamoWrites.usd + reads * PRICES.dynamoReads.usd) / MILLION,
      sms: false,
    },
    {
      service: "DynamoDB storage and backup",
      fixed: 0,
      perReport:
        (a.monthsInService * (stored.withIndexes * PRICES.dynamoStorage.usd + stored.base * pitr)) / GB,
      sms: false,
    },
    {
      service: "S3 evidence photos",
      fixed: 0,
      perReport:
        (a.monthsInService * photoKB * PRICES.s3Storage.usd) / GB +
        (evidenceWrites(a) * PRICES.s3Puts.usd) / 1000 +
        (evidenceReads(a) * PRICES.s3Gets.usd) / 1000 +
        ((views * a.displayKB) / GB) * PRICES.s3TransferOut.usd,
      sms: false,
    },
    {
      service: "CloudFront",
      fixed: edge(consoleLoads * a.consolePageRequests, consoleLoads * a.consolePageKB),
      perReport: edge(edgeRequests, edgeKB),
      sms: false,
    },
    {
      service: `WAF (${s.webAcls} web ACL, ${s.wafRules} rules)`,
      fixed:
        s.webAcls * PRICES.wafWebAcl.usd +
        s.wafRules * PRICES.wafRule.usd +
        (consoleLoads * a.consolePageRequests * PRICES.wafRequests.usd) / MILLION,
      perReport: (edgeRequests * PRICES.wafRequests.usd) / MILLION,
      sms: false,
    },
    {
      service: `CloudWatch (logs kept ${retention} days, ${s.alarms} alarms, ${s.dashboards} dashboard)`,
      fixed:
        logs(scheduledRuns * a.logKBPerScheduledRun) +
        smsLogs(fixedSms) +
        s.alarmMetrics * PRICES.alarm.usd +
        s.customMetrics * PRICES.customMetric.usd +
        s.dashboards * PRICES.dashboard.usd,
      perReport:
        logs(lambda.perReport.invocations * a.logKBPerInvocation + apiRequests * a.accessLogKB) +
        smsLogs(smsPerReport(a)),
      sms: false,
    },
    {
      service: `Audit: CloudTrail on originals (kept ${span(audit.trailDays)}), CloudFront logs (${span(audit.cloudFrontLogDays)})`,
      fixed: edgeLogs(consoleLoads * a.consolePageRequests),
      perReport:
        (trailEvents * PRICES.cloudTrailDataEvents.usd) / 100_000 +
        ((trailEvents * a.trailEventKB) / GB) * keptFor(audit.trailDays) * PRICES.s3Storage.usd +
        edgeLogs(edgeRequests),
      sms: false,
    },
    {
      service: `Audit: evidence bucket's access log, scrubbed (kept ${span(audit.evidenceAccessLogDays)})`,
      fixed: 0,
      perReport:
        (accessLogFiles * 2 * PRICES.s3Puts.usd) / 1000 +
        (accessLogFiles * PRICES.s3Gets.usd) / 1000 +
        ((accessLogRecords * a.evidenceAccessLogRecordKB) / GB) *
          keptFor(audit.evidenceAccessLogDays) *
          PRICES.s3Storage.usd,
      sms: false,
    },
    {
      service: `Secrets Manager (${s.secrets} secrets)`,
      fixed: s.secrets * PRICES.secret.usd,
      perReport: 0,
      sms: false,
    },
    {
      service: `Cognito (${a.officers} officers)`,
      fixed: a.officers * PRICES.cognitoMau.usd,
      perReport: 0,
      sms: false,
    },
    {
      service: `SQS (${s.queues} failure queues), EventBridge (${s.schedules} schedules), SSM, Web Push`,
      fixed: 0,
      perReport: 0,
      sms: false,
    },
  ];
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const arches = (s: StackSettings) =>
  [...new Set(Object.values(s.lambdas).map((fn) => (fn.arm ? "arm64" : "x86_64")))].join("/");

/**
 * Reports a month the stage's SMS limits carry: the daily budget, which counts the alert senders' SMS only
 * (past it only `darurat` SMS go), and SNS's monthly spend limit, which counts every SMS of the account
 * (past it none goes).
 */
export function smsLimits(s: StackSettings, a: Assumptions) {
  const fixedSms =
    a.cognitoSmsPerMonth + a.summarySmsSubscribers * s.lambdas.weeklyStats.scheduledRunsPerMonth;
  const perReport = smsPerReport(a);
  const byBudget = (s.sms.dailyBudget * DAYS_A_MONTH) / perReport;
  const bySpendLimit = (s.sms.monthlySpendLimitUsd / PRICES.sms.usd - fixedSms) / perReport;
  return { perReport, byBudget: Math.max(0, byBudget), bySpendLimit: Math.max(0, bySpendLimit) };
}
