import type { Stack } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from "aws-cdk-lib/custom-resources";

/** CloudFront takes web ACLs from this region only; Lapora itself runs in ap-southeast-3. */
export const EDGE_REGION = "us-east-1";

/** Where the Edge stack leaves its web ACL's ARN (in EDGE_REGION) for the Web stack to read. */
export const webAclParameterName = (stage: string) => `/lapora/${stage}/web-acl-arn`;

/**
 * Requests per client address in a 5-minute window, past which the WAF answers 429 for that address until
 * its rate falls again. Generous on purpose: Indonesian carriers put a whole village behind one address
 * (carrier-grade NAT), and the app's own limits per device token are the finer key. A district gets a few
 * reports an hour; 60 in 5 minutes from one address is a script, or an event the app's limits handle.
 */
export const WAF_RATE_LIMITS = {
  /** `POST /api/reports` and its photo forms (`POST /api/reports/{id}/evidence`). */
  reports: { limit: 60, windowSeconds: 300, method: "POST", pathPrefix: "/api/reports" },
  /** `/api/auth/*`: officers' sign-in, from a station's one address at a shift change. */
  signIn: { limit: 40, windowSeconds: 300, method: undefined, pathPrefix: "/api/auth" },
};

/** What a blocked address gets: API Gateway's own `{ message }` shape, with the call-110 notice. */
export const WAF_BLOCKED_BODY = JSON.stringify({
  message:
    "Terlalu banyak permintaan dari jaringan ini; coba lagi beberapa menit lagi. Keadaan darurat: telepon 110. " +
    "Too many requests from this network; try again in a few minutes. Emergency: call 110.",
});

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  // Sampled requests would show client addresses in the console: counts only.
  sampledRequestsEnabled: false,
});

// Decoded and lower-cased first, so `/API/%72eports` is counted as `/api/reports`.
const path = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: "STARTS_WITH",
    searchString: prefix,
    textTransformations: [
      { priority: 0, type: "URL_DECODE" },
      { priority: 1, type: "LOWERCASE" },
    ],
  },
});
const method = (name: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { method: {} },
    positionalConstraint: "EXACTLY",
    searchString: name,
    textTransformations: [{ priority: 0, type: "NONE" }],
  },
});

function rateRule(
  name: string,
  priority: number,
  rate: (typeof WAF_RATE_LIMITS)[keyof typeof WAF_RATE_LIMITS],
): CfnWebACL.RuleProperty {
  const scope = rate.method
    ? { andStatement: { statements: [method(rate.method), path(rate.pathPrefix)] } }
    : path(rate.pathPrefix);
  return {
    name,
    priority,
    statement: {
      rateBasedStatement: {
        aggregateKeyType: "IP",
        limit: rate.limit,
        evaluationWindowSec: rate.windowSeconds,
        scopeDownStatement: scope,
      },
    },
    action: {
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: "tooMany",
          responseHeaders: [{ name: "Retry-After", value: String(rate.windowSeconds) }],
        },
      },
    },
    visibilityConfig: visibility(name),
  };
}

/** The web ACL's rules, first match wins: known bad addresses, then the two rates per address. */
export function webAclProps(name: string): Omit<ConstructorParameters<typeof CfnWebACL>[2], "scope"> {
  return {
    name,
    defaultAction: { allow: {} },
    visibilityConfig: visibility(name),
    customResponseBodies: { tooMany: { contentType: "APPLICATION_JSON", content: WAF_BLOCKED_BODY } },
    rules: [
      {
        // AWS's list of addresses seen in bots, scans and DDoS; no charge beyond the rule itself.
        name: "ipReputation",
        priority: 0,
        statement: {
          managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesAmazonIpReputationList" },
        },
        overrideAction: { none: {} },
        visibilityConfig: visibility("ipReputation"),
      },
      rateRule("reportsPerAddress", 1, WAF_RATE_LIMITS.reports),
      rateRule("signInPerAddress", 2, WAF_RATE_LIMITS.signIn),
    ],
  };
}

/**
 * The Edge app's web ACL ARN, read at deploy time from EDGE_REGION. The Edge stack is a separate deploy
 * (docs/deploy.md): SST v2 deploys every stack of an app in the app's one region. Without it the lookup,
 * and so the deploy, fails with ParameterNotFound.
 */
export function webAclArnFromEdge(stack: Stack, stage: string): string {
  const name = webAclParameterName(stage);
  const lookup = new AwsCustomResource(stack, "webAclLookup", {
    // The parameter name is in the call, so a renamed parameter is read again on the next deploy.
    onUpdate: {
      service: "SSM",
      action: "getParameter",
      parameters: { Name: name },
      region: EDGE_REGION,
      physicalResourceId: PhysicalResourceId.of(name),
    },
    policy: AwsCustomResourcePolicy.fromStatements([
      new PolicyStatement({
        actions: ["ssm:GetParameter"],
        resources: [`arn:${stack.partition}:ssm:${EDGE_REGION}:${stack.account}:parameter${name}`],
      }),
    ]),
    installLatestAwsSdk: false,
  });
  return lookup.getResponseField("Parameter.Value");
}
