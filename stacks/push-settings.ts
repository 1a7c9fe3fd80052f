import { parseSmsPolicy } from "@lapora/core/infra";

/**
 * Push-first alerts of a stage. The VAPID key pair is made once per stage by an operator
 * (`npm run vapid-keys`, docs/deploy.md) and kept in SSM Parameter Store: the public key as a String
 * (the console subscribes with it; it reaches the functions at deploy), the private key as a
 * SecureString that only the alert senders read, at run time. Neither is in code or in the repo.
 */
export interface StagePushSettings {
  publicKeyParameter: string;
  privateKeyParameter: string;
  /** The VAPID contact push services' operators may write to. */
  subject: string;
  /** LAPORA_SMS_POLICY, checked: when SMS is sent, and the daily budget (core/alert/sms-rules.ts). */
  smsPolicy: string;
}

export function pushSettings(
  stage: string,
  env: Record<string, string | undefined> = process.env,
): StagePushSettings {
  const subject = env.LAPORA_VAPID_SUBJECT ?? "mailto:it@polres-muba.invalid";
  if (!/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(subject))
    throw new Error("LAPORA_VAPID_SUBJECT must be mailto:someone@example or an https: URL.");
  return {
    publicKeyParameter: `/lapora/${stage}/vapid/public-key`,
    privateKeyParameter: `/lapora/${stage}/vapid/private-key`,
    subject,
    // Checked here, so a bad value fails the deploy rather than every alert.
    smsPolicy: JSON.stringify(parseSmsPolicy(env.LAPORA_SMS_POLICY)),
  };
}
