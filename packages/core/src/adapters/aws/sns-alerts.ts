import type { MessageAttributeValue, SNSClient } from "@aws-sdk/client-sns";
import { smsFor } from "../../alert/message";
import { type AlertPublisher, checkSmsSettings, type SmsSettings } from "../../alert/publisher";
import type { Alert } from "../../alert/types";
import { type Lazy, snsSdk } from "./lazy";

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
