import type { MessageAttributeValue, SNSClient } from "@aws-sdk/client-sns";
import type { SmsSender } from "../../alert/dispatch";
import { checkSmsSettings, type SmsSettings } from "../../alert/publisher";
import { type Lazy, snsSdk } from "./lazy";

const text = (value: string): MessageAttributeValue => ({ DataType: "String", StringValue: value });

/**
 * The message attributes of one officer's SMS: `to`, which their subscription's FilterPolicy names
 * (filter-policy.ts smsSubscriptionPolicy), plus SNS's own SMS settings, which SNS reads only for SMS
 * endpoints.
 */
export function messageAttributes(nrp: string, settings: SmsSettings): Record<string, MessageAttributeValue> {
  return {
    to: text(nrp),
    "AWS.SNS.SMS.SMSType": text("Transactional"),
    ...(settings.senderId ? { "AWS.SNS.SMS.SenderID": text(settings.senderId) } : {}),
    ...(settings.maxPriceUsd
      ? { "AWS.SNS.SMS.MaxPrice": { DataType: "Number", StringValue: settings.maxPriceUsd } }
      : {}),
  };
}

/**
 * The SNS adapter of SmsSender: one Publish to the `alerts` topic per SMS, addressed to one officer's
 * subscription. The topic (not a direct publish to a number) keeps delivery-status logging, the
 * failure alarm and, locally, the emulator's filter between us and each officer's inbox.
 */
export function createSnsSmsSender(
  client: Lazy<SNSClient>,
  topicArn: string,
  settings: SmsSettings,
): SmsSender {
  checkSmsSettings(settings);
  return {
    async send(officer, message) {
      const out = await (await client()).send(
        new (await snsSdk()).PublishCommand({
          TopicArn: topicArn,
          Message: message,
          MessageAttributes: messageAttributes(officer.nrp, settings),
        }),
      );
      if (!out.MessageId) throw new Error("SNS accepted the SMS without a message id.");
      return out.MessageId;
    },
  };
}
