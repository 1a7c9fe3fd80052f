/**
 * The HTTP API's access log line, one JSON object per request. SST's default adds
 * `$context.identity.sourceIp` and the user agent; this one leaves both out, so the log never keeps a
 * reporter's address (behind CloudFront it would be an edge address anyway, and the WAF sees the real one
 * without logging it). Requests are still traceable: the request id is in the app's own log lines.
 */
export const API_ACCESS_LOG_FIELDS = {
  requestTime: "$context.requestTime",
  requestId: "$context.requestId",
  httpMethod: "$context.httpMethod",
  routeKey: "$context.routeKey",
  path: "$context.path",
  status: "$context.status",
  responseLatency: "$context.responseLatency",
  integrationRequestId: "$context.integration.requestId",
  integrationStatus: "$context.integration.status",
  integrationLatency: "$context.integration.latency",
  integrationError: "$context.integrationErrorMessage",
  authorizerError: "$context.authorizer.error",
  errorMessage: "$context.error.message",
} as const;

/** Numbers stay numbers; everything else is quoted. */
const NUMERIC = new Set<string>(["status", "responseLatency"]);

export const API_ACCESS_LOG_FORMAT = `{${Object.entries(API_ACCESS_LOG_FIELDS)
  .map(([key, value]) => (NUMERIC.has(key) ? `"${key}":${value}` : `"${key}":"${value}"`))
  .join(",")}}`;
