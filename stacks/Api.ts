import type { ApiEnvironment } from "@lapora/functions/config";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Api as HttpApi, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { Auth } from "./Auth";
import { functionDefaults } from "./defaults";
import { Jobs } from "./Jobs";
import { Messaging } from "./Messaging";
import { Storage } from "./Storage";

/**
 * What the `api` function may do on the table and its indexes. TransactWriteItems is not an IAM action:
 * a transaction is authorised item by item, so PutItem/UpdateItem/ConditionCheckItem cover it.
 * SST `bind` is not used because it grants `dynamodb:*`.
 */
export const API_TABLE_ACTIONS = [
  "dynamodb:ConditionCheckItem",
  // The sign-in throttle deletes an officer's failure counter after a successful sign-in.
  "dynamodb:DeleteItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:UpdateItem",
];

/**
 * What the `api` function may do in the officers' user pool: create an officer's sign-in (Cognito SMS-es
 * the temporary password) and switch it off and on. Sign-in itself (InitiateAuth, RespondToAuthChallenge)
 * is a public Cognito API that needs no IAM permission.
 */
export const API_USER_POOL_ACTIONS = [
  "cognito-idp:AdminCreateUser",
  "cognito-idp:AdminDisableUser",
  "cognito-idp:AdminEnableUser",
];

/**
 * The officer console's routes: API Gateway rejects a request without a valid ID token before Lambda runs.
 * `{proxy+}` needs at least one more segment, so the bare paths get a route too; otherwise `/api/officer`
 * would fall through to the public catch-all.
 */
export const OFFICER_ROUTES = [
  "ANY /api/officer",
  "ANY /api/officer/{proxy+}",
  "ANY /api/admin",
  "ANY /api/admin/{proxy+}",
] as const;

/**
 * What the `api` function may do in the evidence bucket. Presigned requests act with the signer's rights:
 * upload forms need PutObject (and PutObjectTagging, for the form's unverified tag) on originals; officers'
 * links need GetObject on display copies, and on originals (and their versions) for SPKT and admin.
 */
export const API_EVIDENCE_GRANTS = {
  originals: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectTagging"],
  display: ["s3:GetObject"],
};

/**
 * What the `api` function may do on the alerts topic, so roster changes keep officers' SMS subscriptions
 * in step (Aws.createSnsGateway, core/adapters/aws/sns-subscriptions.ts). Subscribe is allowed for SMS
 * endpoints only. Unsubscribe and SetSubscriptionAttributes act on a subscription ARN, which IAM has no
 * resource type for: they need "*".
 */
export const API_SUBSCRIPTION_GRANTS = {
  topic: ["sns:ListSubscriptionsByTopic", "sns:Subscribe"],
  subscriptions: ["sns:SetSubscriptionAttributes", "sns:Unsubscribe"],
};

/** Steady-state requests per second and burst, for all callers together (a district-sized service). */
export const API_THROTTLE = { rate: 25, burst: 50 };

/**
 * The HTTP API: every `/api/*` request goes to the one Hono `api` function. The officer and admin routes
 * need an officer's ID token, checked here by a JWT authorizer and again (with the roster) by the app.
 */
export function Api({ stack }: StackContext) {
  const { table, evidence } = use(Storage);
  const { userPool, clientId, issuer } = use(Auth);
  const { openData } = use(Jobs);
  const { alerts } = use(Messaging);

  const fn = new LambdaFunction(stack, "api", {
    handler: "packages/functions/src/api/handler.handler",
    // Code splitting: what the handler loads with import() (the DynamoDB adapters and ElectroDB) becomes
    // its own chunk, parsed on the first request that needs it instead of at every cold start.
    nodejs: { ...functionDefaults.nodejs, splitting: true },
    environment: {
      TABLE_NAME: table.tableName,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: clientId,
      USER_POOL_ID: userPool.userPoolId,
      OPEN_DATA_BUCKET: openData.bucketName,
      EVIDENCE_BUCKET: evidence.bucketName,
      ALERTS_TOPIC_ARN: alerts.topicArn,
    } satisfies ApiEnvironment,
  });
  fn.attachPermissions([
    new PolicyStatement({
      actions: API_TABLE_ACTIONS,
      resources: [table.tableArn, `${table.tableArn}/index/*`],
    }),
    new PolicyStatement({ actions: API_USER_POOL_ACTIONS, resources: [userPool.userPoolArn] }),
    // `GET /api/stats/files/{week}.json|csv` serves the open data the weekly job wrote.
    new PolicyStatement({ actions: ["s3:GetObject"], resources: [`${openData.bucketArn}/stats/*`] }),
    new PolicyStatement({
      actions: API_EVIDENCE_GRANTS.originals,
      resources: [`${evidence.bucketArn}/evidence/*`],
    }),
    new PolicyStatement({
      actions: API_EVIDENCE_GRANTS.display,
      resources: [`${evidence.bucketArn}/display/*`],
    }),
    new PolicyStatement({
      actions: API_SUBSCRIPTION_GRANTS.topic,
      resources: [alerts.topicArn],
      conditions: { StringEqualsIfExists: { "sns:Protocol": "sms" } },
    }),
    new PolicyStatement({ actions: API_SUBSCRIPTION_GRANTS.subscriptions, resources: ["*"] }),
  ]);

  // The officer routes are more specific than `/api/{proxy+}`, so API Gateway matches them first; the
  // catch-all stays public for residents' routes and for `/api/auth/*` (signing in).
  const officerRoutes = Object.fromEntries(
    OFFICER_ROUTES.map((route) => [route, { function: fn, authorizer: "officer" as const }]),
  );

  const api = new HttpApi(stack, "httpApi", {
    // The web app calls /api on its own origin through CloudFront (stacks/Web.ts), so no CORS.
    cors: false,
    accessLog: { retention: "one_month" },
    defaults: { throttle: API_THROTTLE },
    authorizers: {
      // ID tokens of the console's app client: API Gateway checks signature, expiry, `iss` and `aud`.
      officer: { type: "jwt", jwt: { issuer, audience: [clientId] } },
    },
    routes: { ...officerRoutes, "ANY /api/{proxy+}": fn },
  });

  stack.addOutputs({ ApiUrl: api.url });

  return { api, fn };
}
