import type { SNSClient } from "@aws-sdk/client-sns";
import type { SummaryPublisher } from "../../stats/publishing";
import { type Lazy, snsSdk } from "./lazy";

/** The SNS adapter of SummaryPublisher: one Publish to the `summaries` topic (apart from the alerts topic). */
export function createSnsSummaryPublisher(sns: Lazy<SNSClient>, topicArn: string): SummaryPublisher {
  return {
    async publish(subject, text) {
      const { PublishCommand } = await snsSdk();
      await (await sns()).send(new PublishCommand({ TopicArn: topicArn, Subject: subject, Message: text }));
    },
  };
}
