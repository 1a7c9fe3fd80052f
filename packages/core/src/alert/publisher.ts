import type { MessageAttributeValue, SNSClient } from "@aws-sdk/client-sns";
import { type Lazy, snsSdk } from "../aws/lazy";
import { checkConsoleUrl, smsFor } from "./message";
import type { Alert } from "./types";

/** Publishes alerts to the `alerts` topic. SNS fans each one out to the subscriptions whose filter matches. */
export interface AlertPublisher {
  /** Publishes one alert and resolves with SNS's message id; throws when SNS did not take it. */
  publish(alert: Alert): Promise<string>;
}

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

const text = (value: string): MessageAttributeValue => ({ DataType: "String", StringValue: value });

/**
 * The message attributes subscriptions filter on (see filter-policy.ts), plus SNS's own SMS settings.
 * SNS reads `AWS.SNS.SMS.*` only for SMS endpoints; filters ignore attributes they do not name.
 */
export function messageAttributes(
  alert: Alert,
  settings: SmsSettings,
): Record<string, MessageAttributeValue> {
  return {
    alert: text(alert.kind),
    kecamatan: text(alert.kecamatan),
    desa: text(alert.desa),
    category: text(alert.category),
    priority: text(alert.priority),
    "AWS.SNS.SMS.SMSType": text("Transactional"),
    ...(settings.senderId ? { "AWS.SNS.SMS.SenderID": text(settings.senderId) } : {}),
    ...(settings.maxPriceUsd
      ? { "AWS.SNS.SMS.MaxPrice": { DataType: "Number", StringValue: settings.maxPriceUsd } }
      : {}),
  };
}

/** The SNS adapter of AlertPublisher: one Publish to the topic per alert, with the SMS text as the message. */
export function createSnsPublisher(
  client: Lazy<SNSClient>,
  topicArn: string,
  settings: SmsSettings,
): AlertPublisher {
  checkSmsSettings(settings);
  return {
    async publish(alert) {
      const out = await (await client()).send(
        new (await snsSdk()).PublishCommand({
          TopicArn: topicArn,
          Message: smsFor(alert, settings.consoleUrl),
          MessageAttributes: messageAttributes(alert, settings),
        }),
      );
      if (!out.MessageId) throw new Error("SNS accepted the alert without a message id.");
      return out.MessageId;
    },
  };
}
