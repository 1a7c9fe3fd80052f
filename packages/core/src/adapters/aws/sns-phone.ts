import type { SNSClient } from "@aws-sdk/client-sns";
import { checkSmsSettings, type SmsSettings } from "../../alert/publisher";
import type { PhoneSms } from "../../reporter/updates";
import { type Lazy, snsSdk } from "./lazy";

/**
 * The SNS adapter of PhoneSms: a reporter's update straight to their number (a reporter has no
 * subscription on the alerts topic, and gets none). Transactional, with the stage's sender id and price
 * cap. Delivery-status logging covers direct publishes as it covers the topic's.
 */
export function createSnsPhoneSms(client: Lazy<SNSClient>, settings: SmsSettings): PhoneSms {
  checkSmsSettings(settings);
  return {
    async send(phone, message) {
      const out = await (await client()).send(
        new (await snsSdk()).PublishCommand({
          PhoneNumber: phone,
          Message: message,
          MessageAttributes: {
            "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
            ...(settings.senderId
              ? { "AWS.SNS.SMS.SenderID": { DataType: "String", StringValue: settings.senderId } }
              : {}),
            ...(settings.maxPriceUsd
              ? { "AWS.SNS.SMS.MaxPrice": { DataType: "Number", StringValue: settings.maxPriceUsd } }
              : {}),
          },
        }),
      );
      if (!out.MessageId) throw new Error("SNS accepted the SMS without a message id.");
      return out.MessageId;
    },
  };
}
