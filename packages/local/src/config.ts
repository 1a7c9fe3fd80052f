import { resolve } from "node:path";
import { Alert, parseReportLimits, Report, Reporter, type ReportLimits } from "@lapora/core";
import * as z from "zod/mini";

const Env = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(65535)), 3000),
  HOST: z._default(z.string(), "127.0.0.1"),
  LAPORA_DATA_DIR: z._default(z.string(), ".lapora"),
  /** `1`: the client is the first X-Forwarded-For address (as CloudFront passes it), not the TCP peer. */
  LAPORA_TRUST_PROXY: z._default(z.enum(["0", "1"]), "0"),
  /** JSON overriding some of the limits by source, as REPORT_LIMITS does in AWS (core/abuse/admission.ts). */
  LAPORA_REPORT_LIMITS: z.optional(z.string()),
  /** JSON overriding some of the service targets, as SERVICE_TARGETS does in AWS (core/report/targets.ts). */
  LAPORA_SERVICE_TARGETS: z.optional(z.string()),
  /** JSON overriding some of the SMS policy, as SMS_POLICY does in AWS (core/alert/sms-rules.ts). */
  LAPORA_SMS_POLICY: z.optional(z.string()),
  /** Days after closing before a reporter's contact is erased, as RETENTION_DAYS does in AWS (reporter/retention.ts). */
  LAPORA_RETENTION_DAYS: z.optional(z.string()),
});

export interface LocalConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Limits by source read the client from X-Forwarded-For (tests and benches play many sources). */
  trustProxy: boolean;
  reportLimits: ReportLimits;
  serviceTargets: Report.ServiceTargets;
  smsPolicy: Alert.SmsPolicy;
  retentionDays: number;
  tableName: string;
  bucketName: string;
  topicName: string;
}

/** The local runtime's settings, from the environment, failing with the variable's name. */
export function loadLocalConfig(env: Record<string, string | undefined> = process.env): LocalConfig {
  const result = Env.safeParse(env);
  if (!result.success) {
    throw new Error(
      `Invalid ${result.error.issues.map((i) => i.path.join(".")).join(", ")}: ${result.error.message}`,
    );
  }
  return {
    port: result.data.PORT,
    host: result.data.HOST,
    dataDir: resolve(result.data.LAPORA_DATA_DIR),
    trustProxy: result.data.LAPORA_TRUST_PROXY === "1",
    reportLimits: parseReportLimits(result.data.LAPORA_REPORT_LIMITS),
    serviceTargets: Report.parseServiceTargets(result.data.LAPORA_SERVICE_TARGETS),
    smsPolicy: Alert.parseSmsPolicy(result.data.LAPORA_SMS_POLICY),
    retentionDays: Reporter.parseRetentionDays(result.data.LAPORA_RETENTION_DAYS, "LAPORA_RETENTION_DAYS"),
    tableName: "lapora-local",
    bucketName: "lapora-evidence-local",
    topicName: "lapora-alerts-local",
  };
}
