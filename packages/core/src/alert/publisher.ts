import { checkConsoleUrl } from "./message";
/** Per-message SMS settings; the account-wide ones (spend limit, default type) are set by the stack. */
export interface SmsSettings {
  /** The console's origin, for the link in each SMS. */
  consoleUrl: string;
  /** Alphanumeric sender ID (1-11 characters) where the destination country supports it. */
  senderId?: string;
  /** The most, in USD, one SMS may cost; SNS does not send a message that would cost more. */
  maxPriceUsd?: string;
}

/** Checks SMS settings once, at cold start: a bad sender ID or price would otherwise fail every publish. */
export function checkSmsSettings(settings: SmsSettings): SmsSettings {
  checkConsoleUrl(settings.consoleUrl);
  if (settings.senderId !== undefined && !/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(settings.senderId))
    throw new Error("The SMS sender ID must be 1 to 11 letters and digits, with at least one letter.");
  if (settings.maxPriceUsd !== undefined && !/^\d{1,3}(\.\d{1,5})?$/.test(settings.maxPriceUsd))
    throw new Error("The SMS max price must be a number of US dollars, such as 0.50.");
  return settings;
}
