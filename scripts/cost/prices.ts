/**
 * The prices the cost model uses, in USD. Checked on CHECKED_ON **from memory of AWS's public price
 * pages**: the machine that wrote them had no internet. The Polres IT officer re-checks each one before
 * budgeting (AWS Pricing Calculator, region Asia Pacific (Jakarta)) and edits it here; `npm run cost` and
 * docs/cost.md then follow.
 *
 * `where` says whose price it is. Most are us-east-1's: Jakarta's are the same or somewhat higher (Lambda
 * is the same), and the AWS rows together are a small part of the total, which SMS dominates.
 */
export const CHECKED_ON = "2026-12-07";

export interface Price {
  usd: number;
  per: string;
  where: string;
  source: string;
}

const MEMORY = "AWS public price page, from memory";

export const PRICES = {
  sms: {
    usd: 0.4,
    per: "SMS to +62",
    where: "Indonesia",
    source:
      "README (Alerts), AWS End User Messaging SMS; 0.30-0.50 by carrier, capped by LAPORA_SMS_MAX_PRICE_USD",
  },
  lambdaRequests: { usd: 0.2, per: "million requests", where: "us-east-1 = ap-southeast-3", source: MEMORY },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    per: "GB-second, arm64",
    where: "us-east-1 = ap-southeast-3",
    source: MEMORY,
  },
  lambdaX86GbSecond: {
    usd: 0.0000166667,
    per: "GB-second, x86_64",
    where: "us-east-1 = ap-southeast-3",
    source: MEMORY,
  },
  httpApiRequests: { usd: 1.0, per: "million HTTP API requests", where: "us-east-1", source: MEMORY },
  dynamoWrites: {
    usd: 0.625,
    per: "million write request units (on-demand)",
    where: "us-east-1",
    source: MEMORY,
  },
  dynamoReads: {
    usd: 0.125,
    per: "million read request units (on-demand)",
    where: "us-east-1",
    source: MEMORY,
  },
  dynamoStorage: { usd: 0.25, per: "GB-month stored", where: "us-east-1", source: MEMORY },
  dynamoPitr: { usd: 0.2, per: "GB-month, point-in-time recovery", where: "us-east-1", source: MEMORY },
  s3Storage: { usd: 0.023, per: "GB-month, S3 Standard", where: "us-east-1", source: MEMORY },
  s3Puts: { usd: 0.005, per: "1,000 PUT/POST/tagging requests", where: "us-east-1", source: MEMORY },
  s3Gets: { usd: 0.0004, per: "1,000 GET requests", where: "us-east-1", source: MEMORY },
  s3TransferOut: { usd: 0.09, per: "GB from S3 to the internet", where: "us-east-1", source: MEMORY },
  cloudFrontTransfer: {
    usd: 0.12,
    per: "GB to viewers in Indonesia",
    where: "edge, Asia Pacific",
    source: MEMORY,
  },
  cloudFrontRequests: {
    usd: 0.012,
    per: "10,000 HTTPS requests",
    where: "edge, Asia Pacific",
    source: MEMORY,
  },
  cloudFrontFunctions: { usd: 0.1, per: "million function invocations", where: "global", source: MEMORY },
  wafWebAcl: { usd: 5.0, per: "web ACL a month", where: "global", source: MEMORY },
  wafRule: {
    usd: 1.0,
    per: "rule a month (AWS's IP-reputation group included)",
    where: "global",
    source: MEMORY,
  },
  wafRequests: { usd: 0.6, per: "million requests inspected", where: "global", source: MEMORY },
  cloudTrailDataEvents: {
    usd: 0.1,
    per: "100,000 CloudTrail data events (management events: the first copy free)",
    where: "us-east-1",
    source: MEMORY,
  },
  vendedLogsToS3: {
    usd: 0.25,
    per: "GB of CloudFront standard logs (v2) delivered to S3",
    where: "us-east-1",
    source: MEMORY,
  },
  logsIngestion: { usd: 0.5, per: "GB of logs ingested", where: "us-east-1", source: MEMORY },
  logsStorage: { usd: 0.03, per: "GB-month of logs kept", where: "us-east-1", source: MEMORY },
  alarm: {
    usd: 0.1,
    per: "alarm metric a month (math: each metric read)",
    where: "us-east-1",
    source: MEMORY,
  },
  customMetric: { usd: 0.3, per: "custom metric a month", where: "us-east-1", source: MEMORY },
  dashboard: {
    usd: 3.0,
    per: "dashboard a month (an account's first 3 free)",
    where: "us-east-1",
    source: MEMORY,
  },
  xrayTraces: { usd: 5.0, per: "million traces recorded", where: "us-east-1", source: MEMORY },
  secret: { usd: 0.4, per: "secret a month", where: "us-east-1", source: MEMORY },
  // Plus: prod turns threat protection on (LAPORA_COGNITO_THREAT_PROTECTION), which needs that plan.
  cognitoMau: {
    usd: 0.02,
    per: "monthly active user (Plus, threat protection)",
    where: "us-east-1",
    source: MEMORY,
  },
} as const satisfies Record<string, Price>;
