import type { SNSClient } from "@aws-sdk/client-sns";
import type { SubscriptionGateway, SubscriptionTarget } from "../../alert/subscriptions";
import type { Officer } from "../../officer/types";
import { type Lazy, snsSdk } from "./lazy";

const isNotFound = (err: unknown) => /^NotFound(Exception)?$/.test((err as Error)?.name ?? "");
const isAlreadySubscribed = (err: unknown) =>
  /^InvalidParameter(Exception)?$/.test((err as Error)?.name ?? "") &&
  /already exists/i.test((err as Error).message ?? "");

/** In AWS an officer's subscription is an SMS to their phone (E.164, as the roster stores it). */
export const smsTarget = async (officer: Officer): Promise<SubscriptionTarget> => ({
  protocol: "sms",
  endpoint: officer.phone,
});

/** The SNS adapter of SubscriptionGateway, for the topic `topicArn`. */
export function createSnsGateway(
  client: Lazy<SNSClient>,
  topicArn: string,
  targetOf: SubscriptionGateway["targetOf"] = smsTarget,
): SubscriptionGateway {
  const setAttribute = async (SubscriptionArn: string, AttributeName: string, AttributeValue: string) =>
    (await client()).send(
      new (await snsSdk()).SetSubscriptionAttributesCommand({
        SubscriptionArn,
        AttributeName,
        AttributeValue,
      }),
    );

  /** The subscription of this endpoint that SNS already has (e.g. recorded by a run that then crashed). */
  async function existing(target: SubscriptionTarget): Promise<string | undefined> {
    let NextToken: string | undefined;
    do {
      const page = await (await client()).send(
        new (await snsSdk()).ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken }),
      );
      const found = page.Subscriptions?.find(
        (s) => s.Protocol === target.protocol && s.Endpoint === target.endpoint,
      );
      if (found?.SubscriptionArn) return found.SubscriptionArn;
      NextToken = page.NextToken;
    } while (NextToken);
    return undefined;
  }

  return {
    targetOf,
    async subscribe(target, filterPolicy) {
      const attributes = {
        ...target.attributes,
        FilterPolicyScope: "MessageAttributes",
        FilterPolicy: filterPolicy,
      };
      try {
        const out = await (await client()).send(
          new (await snsSdk()).SubscribeCommand({
            TopicArn: topicArn,
            Protocol: target.protocol,
            Endpoint: target.endpoint,
            Attributes: attributes,
            ReturnSubscriptionArn: true,
          }),
        );
        if (!out.SubscriptionArn) throw new Error("SNS returned no subscription ARN.");
        return out.SubscriptionArn;
      } catch (err) {
        // SNS refuses a second subscription of one endpoint with other attributes: update that one instead.
        const arn = isAlreadySubscribed(err) ? await existing(target) : undefined;
        if (!arn) throw err;
        for (const [name, value] of Object.entries(attributes)) await setAttribute(arn, name, value);
        return arn;
      }
    },
    async setFilterPolicy(arn, filterPolicy) {
      try {
        await setAttribute(arn, "FilterPolicy", filterPolicy);
        return "ok";
      } catch (err) {
        if (isNotFound(err)) return "not_found";
        throw err;
      }
    },
    async unsubscribe(arn) {
      try {
        await (await client()).send(new (await snsSdk()).UnsubscribeCommand({ SubscriptionArn: arn }));
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
  };
}
