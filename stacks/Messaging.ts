import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from "aws-cdk-lib/custom-resources";
import { NagSuppressions } from "cdk-nag";
import { type StackContext, Topic } from "sst/constructs";
import { pushSettings } from "./push-settings";
import { smsSettings } from "./sms-settings";

/**
 * The share of delivered SMS whose delivery status SNS logs (failures are always logged). A district sends
 * a few hundred SMS a month, and "did officer X get the alert?" must have an answer: all of them.
 */
export const SMS_SUCCESS_SAMPLING_PERCENT = "100";

/**
 * The SNS `alerts` topic: report-events publishes each alert once, and SNS delivers it to every officer's
 * SMS subscription whose FilterPolicy matches (the api function keeps those in step with the roster).
 * Also the account's SMS settings, which SNS keeps per account and region, not per topic.
 */
export function Messaging({ app, stack }: StackContext) {
  const sms = smsSettings(app.stage);
  const push = pushSettings(app.stage);
  const alerts = new Topic(stack, "alerts", {
    cdk: { topic: { enforceSSL: true } },
  });

  // SNS writes each SMS's delivery status (destination, price, carrier's answer) to CloudWatch Logs, in
  // log groups it names `sns/<region>/<account>/...`, with this role.
  const logGroups = `log-group:sns/${stack.region}/${stack.account}/*`;
  const deliveryLogs = new Role(stack, "smsDeliveryLogs", {
    assumedBy: new ServicePrincipal("sns.amazonaws.com"),
    description: "SNS writes SMS delivery status to CloudWatch Logs",
    inlinePolicies: {
      logs: new PolicyDocument({
        statements: [
          new PolicyStatement({
            actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
            resources: [`arn:${stack.partition}:logs:${stack.region}:${stack.account}:${logGroups}`],
          }),
        ],
      }),
    },
  });
  NagSuppressions.addResourceSuppressions(deliveryLogs, [
    {
      id: "AwsSolutions-IAM5",
      reason:
        "SNS names the delivery-status log groups itself, under sns/<region>/<account>/: the prefix is as narrow as IAM can know.",
      appliesTo: [`Resource::arn:<AWS::Partition>:logs:${stack.region}:${stack.account}:${logGroups}`],
    },
  ]);

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
        DeliveryStatusIAMRole: deliveryLogs.roleArn,
        DeliveryStatusSuccessSamplingRate: SMS_SUCCESS_SAMPLING_PERCENT,
      },
    },
    physicalResourceId: PhysicalResourceId.of("sms-attributes"),
  };
  const smsAttributes = new AwsCustomResource(stack, "smsAttributes", {
    onCreate: call,
    onUpdate: call,
    // SetSMSAttributes has no resource type in IAM: it can only be granted on "*". Naming the delivery
    // status role needs PassRole on it.
    policy: AwsCustomResourcePolicy.fromStatements([
      new PolicyStatement({ actions: ["sns:SetSMSAttributes"], resources: ["*"] }),
      new PolicyStatement({ actions: ["iam:PassRole"], resources: [deliveryLogs.roleArn] }),
    ]),
    installLatestAwsSdk: false,
  });
  NagSuppressions.addResourceSuppressions(
    smsAttributes,
    [
      {
        id: "AwsSolutions-IAM5",
        reason: "sns:SetSMSAttributes has no resource type in IAM: it can only be granted on *.",
        appliesTo: ["Resource::*"],
      },
    ],
    true,
  );

  return { alerts, sms, push, deliveryLogs };
}
