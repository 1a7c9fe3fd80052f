/**
 * Who a stage's alarms reach: the e-mail addresses (`LAPORA_ALARM_EMAILS`, comma-separated) and at most one
 * phone (`LAPORA_ALARM_SMS`, an Indonesian mobile number in E.164 form) subscribed to the alarm topic by
 * the deploy. Checked here, so a typo fails the deploy instead of silencing every alarm.
 */
export interface AlarmSettings {
  emails: string[];
  sms?: string;
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;
/** +62, then a mobile number (8xx), 9 to 12 digits in all: SMS reaches mobiles only. */
const INDONESIAN_MOBILE = /^\+628\d{7,11}$/;

export function alarmSettings(env: { emails?: string | undefined; sms?: string | undefined }): AlarmSettings {
  const emails = [
    ...new Set(
      (env.emails ?? "")
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean),
    ),
  ];
  const bad = emails.find((e) => !EMAIL.test(e));
  if (bad !== undefined)
    throw new Error(
      `LAPORA_ALARM_EMAILS must be e-mail addresses separated by commas, such as it@polres-muba.example,kasi@polres-muba.example ("${bad}" is not one).`,
    );
  const sms = env.sms?.trim();
  if (sms && !INDONESIAN_MOBILE.test(sms))
    throw new Error(
      "LAPORA_ALARM_SMS must be one Indonesian mobile number in E.164 form, such as +6281234567890.",
    );
  return { emails, ...(sms ? { sms } : {}) };
}
