import { type StackContext, Topic } from "sst/constructs";

/** The SNS `alerts` topic; officers' SMS subscriptions (with FilterPolicy) are attached in a later issue. */
export function Messaging({ stack }: StackContext) {
  const alerts = new Topic(stack, "alerts", {
    cdk: { topic: { enforceSSL: true } },
  });

  return { alerts };
}
