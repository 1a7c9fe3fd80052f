/** The header CloudFront adds to every request it forwards to the API: one definition in core (infra). */
import { metricsNamespace, ORIGIN_HEADER, parseReportLimits, parseServiceTargets } from "@lapora/core/infra";
import type { ApiEnvironment } from "@lapora/functions/config";
import { SecretValue } from "aws-cdk-lib";
import { CfnRoute, type CfnStage } from "aws-cdk-lib/aws-apigatewayv2";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { StringParameter } from "aws-cdk-lib/aws-ssm";
import { NagSuppressions } from "cdk-nag";
import { Api as HttpApi, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { Auth } from "./Auth";
import { API_ACCESS_LOG_FORMAT } from "./api-access-log";
import { officerGrants, publicGrants } from "./api-grants";
import { API_ROUTES, API_THROTTLE, apiConcurrency, type Surface } from "./api-limits";
import { functionDefaults } from "./defaults";
import { Jobs } from "./Jobs";
import { Messaging } from "./Messaging";
import { nagArn } from "./nag";
import { Storage } from "./Storage";

export { ORIGIN_HEADER };

/**
 * The HTTP API and its two functions, one Hono app deployed twice: `apiPublic` serves the public door
 * (the form, tracking, photos, statistics), `apiOfficer` sign-in, the console and the roster. Each has its
 * own routes and throttles, its own reserved concurrency and only the permissions its routes need. The
 * officer and admin routes need an officer's ID token, checked here by a JWT authorizer and again (with
 * the roster) by the app. Both refuse a request without CloudFront's origin secret.
 */
export function Api({ app, stack }: StackContext) {
  const { table, evidence } = use(Storage);
  const { userPool, clientId, issuer } = use(Auth);
  const { openData } = use(Jobs);
  const { alerts, push } = use(Messaging);
  // The public key only (a String parameter, resolved at deploy): the API never holds the private one.
  const vapidPublicKey = StringParameter.valueForStringParameter(stack, push.publicKeyParameter);

  // Random values per stage, never in the template or the repository: CloudFormation resolves each dynamic
  // reference at deploy time, into both functions' environment (and the origin secret into CloudFront's
  // origin header, stacks/Web.ts). LAPORA_ORIGIN_SECRET_VERSION picks up a rotated value (docs/deploy.md).
  const stageSecret = (id: string, what: string, versionId?: string) => {
    const secret = new Secret(stack, id, {
      description: `Lapora ${app.stage}: ${what}`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    });
    const value = SecretValue.secretsManager(secret.secretArn, versionId ? { versionId } : {});
    return { secret, value: value.unsafeUnwrap() };
  };
  const origin = stageSecret(
    "originSecret",
    `the ${ORIGIN_HEADER} header CloudFront sends to the API`,
    process.env.LAPORA_ORIGIN_SECRET_VERSION,
  );
  // The app keys its limits by an HMAC of the client's address under this, with a key derived per day.
  const sourceKey = stageSecret("sourceKeySecret", "the key of source HMACs (the API's limits per address)");
  NagSuppressions.addResourceSuppressions(origin.secret, [
    {
      id: "AwsSolutions-SMG4",
      reason:
        "Resolved into the functions and CloudFront only at deploy, so an automatic rotation would reach neither: rotated by hand with a deploy (LAPORA_ORIGIN_SECRET_VERSION, docs/deploy.md).",
    },
  ]);
  NagSuppressions.addResourceSuppressions(sourceKey.secret, [
    {
      id: "AwsSolutions-SMG4",
      reason:
        "Need not rotate: the app derives a new HMAC key from it every day (docs/deploy.md), and it is resolved only at deploy.",
    },
  ]);

  const concurrency = apiConcurrency(app.stage, {
    public: process.env.LAPORA_API_PUBLIC_CONCURRENCY,
    officer: process.env.LAPORA_API_OFFICER_CONCURRENCY,
  });

  const apiFunction = (id: string, surface: Surface) => {
    const reserved = concurrency[surface];
    return new LambdaFunction(stack, id, {
      handler: "packages/functions/src/api/handler.handler",
      // Code splitting: what the handler loads with import() (the DynamoDB adapters and ElectroDB) becomes
      // its own chunk, parsed on the first request that needs it instead of at every cold start.
      nodejs: { ...functionDefaults.nodejs, splitting: true },
      ...(reserved === undefined ? {} : { reservedConcurrentExecutions: reserved }),
      environment: {
        TABLE_NAME: table.tableName,
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: clientId,
        USER_POOL_ID: userPool.userPoolId,
        OPEN_DATA_BUCKET: openData.bucketName,
        EVIDENCE_BUCKET: evidence.bucketName,
        ALERTS_TOPIC_ARN: alerts.topicArn,
        API_SURFACE: surface,
        ORIGIN_SECRET: origin.value,
        SOURCE_KEY_SECRET: sourceKey.value,
        // Checked here, so a bad value fails the deploy rather than every cold start.
        REPORT_LIMITS: JSON.stringify(parseReportLimits(process.env.LAPORA_REPORT_LIMITS)),
        SERVICE_TARGETS: JSON.stringify(parseServiceTargets(process.env.LAPORA_SERVICE_TARGETS)),
        VAPID_PUBLIC_KEY: surface === "officer" ? vapidPublicKey : "",
        METRICS_NAMESPACE: metricsNamespace(app.stage),
      } satisfies ApiEnvironment,
    });
  };
  const fns: Record<Surface, LambdaFunction> = {
    public: apiFunction("apiPublic", "public"),
    officer: apiFunction("apiOfficer", "officer"),
  };
  const resources = {
    tableArn: table.tableArn,
    userPoolArn: userPool.userPoolArn,
    openDataBucketArn: openData.bucketArn,
    evidenceBucketArn: evidence.bucketArn,
    alertsTopicArn: alerts.topicArn,
  };
  fns.public.attachPermissions(publicGrants(resources));
  fns.officer.attachPermissions(officerGrants(resources));
  // The prefixes of stacks/api-grants.ts: object keys the server chooses (one per photo, week and format).
  const prefixes = {
    evidence: `Resource::${nagArn(evidence.cdk.bucket)}/evidence/*`,
    stats: `Resource::${nagArn(openData.cdk.bucket)}/stats/*`,
  };
  NagSuppressions.addResourceSuppressions(
    fns.public,
    [
      {
        id: "AwsSolutions-IAM5",
        reason: "Upload forms for originals under evidence/, and the open-data files under stats/.",
        appliesTo: [prefixes.evidence, prefixes.stats],
      },
    ],
    true,
  );
  NagSuppressions.addResourceSuppressions(
    fns.officer,
    [
      {
        id: "AwsSolutions-IAM5",
        reason:
          "Originals (evidence/) and display copies (display/) by key, open data (stats/), the console's queries on every index of the table; on *: X-Ray's writes, and Unsubscribe/SetSubscriptionAttributes on subscription ARNs, which IAM has no resource type for (stacks/api-grants.ts).",
        appliesTo: [
          prefixes.evidence,
          `Resource::${nagArn(evidence.cdk.bucket)}/display/*`,
          prefixes.stats,
          `Resource::${nagArn(table.cdk.table)}/index/*`,
          "Resource::*",
        ],
      },
    ],
    true,
  );
  NagSuppressions.addResourceSuppressions(Object.values(fns), [
    {
      id: "Serverless-LambdaDLQ",
      reason: "Invoked synchronously by API Gateway, which answers the error: there is no event to keep.",
    },
  ]);

  const api = new HttpApi(stack, "httpApi", {
    // The web app calls /api on its own origin through CloudFront (stacks/Web.ts), so no CORS.
    cors: false,
    accessLog: { retention: "one_month", format: API_ACCESS_LOG_FORMAT },
    defaults: { throttle: API_THROTTLE },
    authorizers: {
      // ID tokens of the console's app client: API Gateway checks signature, expiry, `iss` and `aud`.
      officer: { type: "jwt", jwt: { issuer, audience: [clientId] } },
    },
    routes: Object.fromEntries(
      API_ROUTES.map(({ route, surface, guarded }) => [
        route,
        guarded ? { function: fns[surface], authorizer: "officer" as const } : { function: fns[surface] },
      ]),
    ),
  });

  // SST sets only the stage's default throttle; each route gets its own bucket here. API Gateway refuses
  // settings for a route that does not exist yet, so the stage waits for the routes.
  const stage = api.cdk.httpApi.defaultStage?.node.defaultChild as CfnStage;
  stage.routeSettings = Object.fromEntries(
    API_ROUTES.map(({ route, throttle }) => [
      route,
      { ThrottlingRateLimit: throttle.rate, ThrottlingBurstLimit: throttle.burst },
    ]),
  );
  const cfnRoutes = api.node.findAll().filter((c) => c instanceof CfnRoute);
  for (const route of cfnRoutes) stage.addDependency(route);
  NagSuppressions.addResourceSuppressions(stage, [
    {
      id: "Serverless-APIGWStructuredLogging",
      reason:
        "The access log is one JSON object per request (stacks/api-access-log.ts); cdk-nag cannot parse the template because its numbers are unquoted $context variables.",
    },
  ]);
  // The residents' door and sign-in are public by design; the app still refuses them without
  // CloudFront's origin secret. The officer and admin routes have the JWT authorizer.
  const publicRoutes = new Set(API_ROUTES.filter((r) => !r.guarded).map((r) => r.route));
  NagSuppressions.addResourceSuppressions(
    cfnRoutes.filter((r) => publicRoutes.has(r.routeKey)),
    [
      {
        id: "AwsSolutions-APIG4",
        reason:
          "A public route by design (reports, tracking, statistics, sign-in): residents have no account, and sign-in is how an officer gets a token; guarded by the WAF, throttles and the origin secret.",
      },
    ],
  );

  stack.addOutputs({ ApiUrl: api.url });

  return {
    api,
    fns,
    originSecret: origin.value,
    secrets: { origin: origin.secret, sourceKey: sourceKey.secret },
  };
}
