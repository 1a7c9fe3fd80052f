import { StringParameter } from "aws-cdk-lib/aws-ssm";
import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import type { StackContext } from "sst/constructs";
import { EDGE_REGION, webAclParameterName, webAclProps } from "./web-acl";

/**
 * The AWS WAF web ACL in front of CloudFront: AWS's IP-reputation list and a rate per client address on
 * `POST /api/reports` and `/api/auth/*`. A CloudFront web ACL must be in us-east-1, and SST v2 deploys all
 * of an app's stacks in one region, so this is the only stack of the same app deployed with
 * `--region us-east-1` (sst.config.ts), before the main deploy. Its ARN goes to an SSM parameter there,
 * which the Web stack reads (stacks/web-acl.ts).
 */
export function Edge({ app, stack }: StackContext) {
  if (stack.region !== EDGE_REGION) {
    throw new Error(`The Edge stack must be deployed in ${EDGE_REGION}, not ${stack.region}.`);
  }
  const name = `${app.stage}-lapora-web`;
  const webAcl = new CfnWebACL(stack, "webAcl", { scope: "CLOUDFRONT", ...webAclProps(name) });
  new StringParameter(stack, "webAclArn", {
    parameterName: webAclParameterName(app.stage),
    stringValue: webAcl.attrArn,
    description: `Lapora ${app.stage}: the web ACL the Web stack's CloudFront distribution uses`,
  });
  stack.addOutputs({ WebAclArn: webAcl.attrArn });
  return { webAcl };
}
