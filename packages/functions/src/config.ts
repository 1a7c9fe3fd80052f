import * as z from "zod/mini";

/**
 * The CloudWatch namespace of the stage's own metrics (`Lapora/<stage>`, core/metrics.ts), written as
 * EMF; unset (locally, in tests), no metric is written.
 */
const METRICS_NAMESPACE = z.optional(z.string().check(z.regex(/^Lapora\/[\w-]+$/)));

const common = {
  TABLE_NAME: z.string().check(z.minLength(1)),
  AWS_REGION: z._default(z.string(), "ap-southeast-3"),
  /** Only for local emulators: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  /** The private bucket holding the open-data files (`stats/{week}.json|csv`). */
  OPEN_DATA_BUCKET: z.string().check(z.minLength(1)),
};

export const ApiEnv = z.object({
  ...common,
  /** The Cognito user pool: `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`. */
  AUTH_ISSUER: z.url(),
  /** The console's app client id: the `aud` of officers' ID tokens. */
  AUTH_AUDIENCE: z.string().check(z.minLength(1)),
  USER_POOL_ID: z.string().check(z.minLength(1)),
  /** The SMS alerts topic: roster changes subscribe, update and unsubscribe officers on it. */
  ALERTS_TOPIC_ARN: z.string().check(z.minLength(1)),
  /** The evidence bucket: upload forms for originals, short-lived links to display copies. */
  EVIDENCE_BUCKET: z.string().check(z.minLength(1)),
  /** `public` or `officer`: which routes this function serves (one function per surface in AWS). */
  API_SURFACE: z.optional(z.enum(["public", "officer"])),
  /** CloudFront's origin secret (X-Lapora-Origin): set, the API refuses requests that bypass CloudFront. */
  ORIGIN_SECRET: z.optional(z.string().check(z.minLength(32))),
  /** The per-stage secret of source keys (HMACs of client addresses): every instance must share it. */
  SOURCE_KEY_SECRET: z.optional(z.string().check(z.minLength(32))),
  /**
   * JSON overriding some of core's REPORT_LIMITS (abuse/admission.ts), e.g.
   * `{"address":{"soft":40,"hard":160}}`; checked at cold start.
   */
  REPORT_LIMITS: z.optional(z.string()),
  /**
   * JSON overriding some of core's SERVICE_TARGETS (report/targets.ts), e.g.
   * `{"sedang":{"verifyMinutes":720}}`; checked at cold start.
   */
  SERVICE_TARGETS: z.optional(z.string()),
  /** The stage's VAPID public key (base64url), for the console's PushManager.subscribe; empty, push is off. */
  VAPID_PUBLIC_KEY: z.optional(z.string()),
  METRICS_NAMESPACE,
});

export const StatsEnv = z.object({
  ...common,
  /** SNS topic the weekly summary goes to (pimpinan's subscriptions). */
  SUMMARY_TOPIC_ARN: z.string().check(z.minLength(1)),
});

export const RetentionEnv = z.object({
  TABLE_NAME: common.TABLE_NAME,
  AWS_REGION: common.AWS_REGION,
  DYNAMODB_ENDPOINT: common.DYNAMODB_ENDPOINT,
  /** Days after a report closes before its reporter's contact is erased (reporter/retention.ts); 90 if unset. */
  RETENTION_DAYS: z.optional(z.string()),
});

function parse<T>(schema: z.ZodMiniType<T>, env: Record<string, string | undefined>): T {
  const result = schema.safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Lapora configuration is missing or invalid: ${names}`);
  }
  return result.data;
}

/** The api function's settings, parsed once at cold start; a missing variable stops it with its name. */
export const loadApiConfig = (env: Record<string, string | undefined> = process.env) => parse(ApiEnv, env);

/** The contact-retention job's settings: RETENTION_DAYS is checked by core (parseRetentionDays). */
export const loadRetentionConfig = (env: Record<string, string | undefined> = process.env) =>
  parse(RetentionEnv, env);

/** The weekly-stats job's settings. */
export const loadStatsConfig = (env: Record<string, string | undefined> = process.env) =>
  parse(StatsEnv, env);

const alertsCommon = {
  TABLE_NAME: common.TABLE_NAME,
  AWS_REGION: common.AWS_REGION,
  DYNAMODB_ENDPOINT: common.DYNAMODB_ENDPOINT,
};
const positiveInt = (fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.positive()), fallback);

export const AlertsEnv = z.object({
  ...alertsCommon,
  ALERTS_TOPIC_ARN: z.string().check(z.minLength(1)),
  /** The console's origin, for the link in each SMS (at most 40 characters). */
  CONSOLE_URL: z.url(),
  /** Alphanumeric sender ID shown where the country supports it (per stage). */
  SMS_SENDER_ID: z.optional(z.string().check(z.minLength(1))),
  /** The most one SMS may cost, in USD (AWS.SNS.SMS.MaxPrice). */
  SMS_MAX_PRICE_USD: z.optional(z.string().check(z.minLength(1))),
  /** How long a claimed alert is held before a retry may send it: at least the function's timeout. */
  ALERT_LEASE_SECONDS: positiveInt(60),
  /** The stage's VAPID public key (base64url), the pair of the private key in SSM. */
  VAPID_PUBLIC_KEY: z.string().check(z.minLength(1)),
  /** The SSM SecureString parameter holding the VAPID private key. */
  VAPID_PRIVATE_KEY_PARAMETER: z.string().check(z.minLength(1)),
  /** The VAPID contact (`mailto:` or `https:`), shown to push services' operators. */
  VAPID_SUBJECT: z.string().check(z.regex(/^(mailto:|https:)/)),
  /** JSON overriding some of core's SMS_POLICY (alert/sms-rules.ts), e.g. `{"dailyBudget":20}`. */
  SMS_POLICY: z.optional(z.string()),
  METRICS_NAMESPACE,
});

export const EscalationEnv = z.object({
  ...alertsCommon,
  /** Minutes an urgent report may stay unverified before each escalation step. */
  ESCALATION_MINUTES: positiveInt(15),
  METRICS_NAMESPACE,
});

/** The report-events consumer's settings. */
export const loadAlertsConfig = (env: Record<string, string | undefined> = process.env) =>
  parse(AlertsEnv, env);

/** The escalation job's settings. */
export const loadEscalationConfig = (env: Record<string, string | undefined> = process.env) =>
  parse(EscalationEnv, env);

export const EvidenceEnv = z.object({
  TABLE_NAME: common.TABLE_NAME,
  AWS_REGION: common.AWS_REGION,
  DYNAMODB_ENDPOINT: common.DYNAMODB_ENDPOINT,
  EVIDENCE_BUCKET: z.string().check(z.minLength(1)),
  /** Days each accepted original stays under Object Lock (governance mode); 0 sets no lock. */
  EVIDENCE_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  METRICS_NAMESPACE,
});

/** The evidence-uploaded function's settings. */
export const loadEvidenceConfig = (env: Record<string, string | undefined> = process.env) =>
  parse(EvidenceEnv, env);

export const AccessLogEnv = z.object({
  AWS_REGION: common.AWS_REGION,
  /** The evidence bucket's access-log bucket: raw files in under `evidence-access-raw/`, scrubbed out under `evidence-access/`. */
  ACCESS_LOG_BUCKET: z.string().check(z.minLength(1)),
});

/** The access-log-scrub function's settings. */
export const loadAccessLogConfig = (env: Record<string, string | undefined> = process.env) =>
  parse(AccessLogEnv, env);

type Input<S extends z.ZodMiniType> = z.input<S>;
type Required<S extends z.ZodMiniType> = {
  [K in keyof Input<S> as undefined extends Input<S>[K] ? never : K]-?: string;
};
type Optional<S extends z.ZodMiniType> = {
  [K in keyof Input<S> as undefined extends Input<S>[K] ? K : never]?: string;
};

/**
 * The `environment` a stack gives a function, typed from the schema its config parses: a missing or
 * misspelled variable fails the type check of the stack, not the function's cold start. `AWS_REGION` is
 * set by Lambda and `DYNAMODB_ENDPOINT` is for local emulators only, so neither is the stack's to set.
 */
export type Environment<S extends z.ZodMiniType> = Omit<
  Required<S> & Optional<S>,
  "AWS_REGION" | "DYNAMODB_ENDPOINT"
>;

export type ApiEnvironment = Environment<typeof ApiEnv>;
export type StatsEnvironment = Environment<typeof StatsEnv>;
export type RetentionEnvironment = Environment<typeof RetentionEnv>;
export type AlertsEnvironment = Environment<typeof AlertsEnv>;
export type EscalationEnvironment = Environment<typeof EscalationEnv>;
export type EvidenceEnvironment = Environment<typeof EvidenceEnv>;
export type AccessLogEnvironment = Environment<typeof AccessLogEnv>;
