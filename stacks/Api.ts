import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Api as HttpApi, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { Storage } from "./Storage";

/**
 * What the `api` function may do on the table and its indexes. TransactWriteItems is not an IAM action:
 * a transaction is authorised item by item, so PutItem/UpdateItem/ConditionCheckItem cover it.
 * SST `bind` is not used because it grants `dynamodb:*`.
 */
export const API_TABLE_ACTIONS = [
  "dynamodb:ConditionCheckItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:UpdateItem",
];

/** Steady-state requests per second and burst, for all callers together (a district-sized service). */
export const API_THROTTLE = { rate: 25, burst: 50 };

/** The HTTP API: every `/api/*` request goes to the one Hono `api` function. */
export function Api({ stack }: StackContext) {
  const { table } = use(Storage);

  const fn = new LambdaFunction(stack, "api", {
    handler: "packages/functions/src/api/handler.handler",
    environment: { TABLE_NAME: table.tableName },
  });
  fn.attachPermissions([
    new PolicyStatement({
      actions: API_TABLE_ACTIONS,
      resources: [table.tableArn, `${table.tableArn}/index/*`],
    }),
  ]);

  const api = new HttpApi(stack, "httpApi", {
    // The web app calls /api on its own origin through CloudFront (stacks/Web.ts), so no CORS.
    cors: false,
    accessLog: { retention: "one_month" },
    defaults: { throttle: API_THROTTLE },
    routes: { "ANY /api/{proxy+}": fn },
  });

  stack.addOutputs({ ApiUrl: api.url });

  return { api, fn };
}
