import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from "aws-cdk-lib/custom-resources";
import { type StackContext, Topic } from "sst/constructs";
import { smsSettings } from "./sms-settings";

/**
 * The SNS `alerts` topic: report-events publishes each alert once, and SNS delivers it to every officer's
 * SMS subscription whose FilterPolicy matches (the api function keeps those in step with the roster).
 * Also the account's SMS settings, which SNS keeps per account and region, not per topic.
 */
export function Messaging({ app, stack }: StackContext) {
  const sms = smsSettings(app.stage);
  const alerts = new Topic(stack, "alerts", {
    cdk: { topic: { enforceSSL: true } },
  });

  // There is no CloudFormation resource for SMS settings, so a custom resource calls SetSMSAttributes.
  // They are account-wide: the last stage deployed to an account sets them. SNS refuses a spend limit
  // above the account's quota (1 USD until AWS support raises it).
  const call = {
    service: "SNS",
    action: "setSMSAttributes",
    parameters: {
      attributes: {
        DefaultSMSType: "Transactional",
        DefaultSenderID: sms.senderId,
        MonthlySpendLimit: sms.monthlySpendLimitUsd,
      },
    },
    physicalResourceId: PhysicalResourceId.of("sms-attributes"),
  };
  new AwsCustomResource(stack, "smsAttributes", {
    onCreate: call,
    onUpdate: call,
    // SetSMSAttributes has no resource type in IAM: it can only be granted on "*".
    policy: AwsCustomResourcePolicy.fromStatements([
      new PolicyStatement({ actions: ["sns:SetSMSAttributes"], resources: ["*"] }),
    ]),
    installLatestAwsSdk: false,
  });

  return { alerts, sms };
}
