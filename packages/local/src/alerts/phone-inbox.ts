import { randomUUID } from "node:crypto";
import type { Reporter } from "@lapora/core";

/** One SMS as a reporter's phone would have received it. */
export interface PhoneMessage {
  /** The number, masked but for its last four digits: a dev page never shows a reporter's number whole. */
  to: string;
  text: string;
  at: string;
}

export interface PhoneInbox extends Reporter.PhoneSms {
  /** Every SMS sent to reporters' phones, newest first. */
  messages(): PhoneMessage[];
  /** The SMS one number received, oldest first (for tests, which know the number they used). */
  messagesTo(phone: string): PhoneMessage[];
}

/** Keeps only the last four digits: `+62812******7890` becomes `+62•••••••7890`. */
export const maskPhone = (phone: string) =>
  `${phone.slice(0, 3)}${"•".repeat(Math.max(0, phone.length - 7))}${phone.slice(-4)}`;

/**
 * The phone network, locally: SNS's direct publish to a number cannot be emulated (fauxqs has no SMS), so
 * reporters' updates land here, in memory, and `/dev/sms` lists them with the number masked. Mocked for
 * that reason only: the outbox, markers and budget in front of it are the real ones.
 */
export function createPhoneInbox(): PhoneInbox {
  const received: { phone: string; message: PhoneMessage }[] = [];
  return {
    async send(phone, text) {
      received.push({ phone, message: { to: maskPhone(phone), text, at: new Date().toISOString() } });
      return randomUUID();
    },
    messages: () => received.map((r) => r.message).reverse(),
    messagesTo: (phone) => received.filter((r) => r.phone === phone).map((r) => r.message),
  };
}
