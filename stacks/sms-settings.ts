/**
 * SMS settings of a stage. Every value can be overridden at deploy time with an environment variable,
 * e.g. `LAPORA_SMS_MONTHLY_LIMIT_USD=50 npm run deploy`.
 */
export interface StageSmsSettings {
  /** Alphanumeric sender ID, 1-11 characters, shown where the destination country supports it. */
  senderId: string;
  /** The account's SNS SMS spending cap per calendar month, in USD (SNS stops sending at it). */
  monthlySpendLimitUsd: string;
  /** The most, in USD, one SMS may cost (AWS.SNS.SMS.MaxPrice on every message). */
  maxPriceUsd: string;
  /** Minutes an urgent report may stay unverified before each escalation step. */
  escalationMinutes: string;
  /** The console's origin for the link in each SMS; by default the site's CloudFront URL. */
  consoleUrl?: string;
}

/** Production may spend a month's alerts for every officer; other stages only a test's worth. */
export function smsSettings(
  stage: string,
  env: Record<string, string | undefined> = process.env,
): StageSmsSettings {
  const prod = stage === "prod";
  const settings = {
    senderId: env.LAPORA_SMS_SENDER_ID ?? (prod ? "LAPORA" : "LAPORAUJI"),
    monthlySpendLimitUsd: env.LAPORA_SMS_MONTHLY_LIMIT_USD ?? (prod ? "100" : "5"),
    maxPriceUsd: env.LAPORA_SMS_MAX_PRICE_USD ?? "0.50",
    escalationMinutes: env.LAPORA_ESCALATION_MINUTES ?? "15",
    ...(env.LAPORA_CONSOLE_URL ? { consoleUrl: env.LAPORA_CONSOLE_URL } : {}),
  };
  // Checked here, so a typo fails the deploy instead of every SMS.
  if (!/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(settings.senderId))
    throw new Error("LAPORA_SMS_SENDER_ID must be 1 to 11 letters and digits, with at least one letter.");
  if (!/^\d{1,6}$/.test(settings.monthlySpendLimitUsd))
    throw new Error("LAPORA_SMS_MONTHLY_LIMIT_USD must be a whole number of US dollars.");
  if (!/^\d{1,3}(\.\d{1,5})?$/.test(settings.maxPriceUsd))
    throw new Error("LAPORA_SMS_MAX_PRICE_USD must be a number of US dollars, such as 0.50.");
  if (!/^[1-9]\d{0,3}$/.test(settings.escalationMinutes))
    throw new Error("LAPORA_ESCALATION_MINUTES must be a whole number of minutes.");
  return settings;
}
