import { CLIENT_HEADER } from "@lapora/core/infra";
import type { Context } from "hono";
import type { AppEnv } from "./app";

type LambdaEnv = { event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined;

/**
 * Where a request came from, in Lambda. Behind CloudFront (an origin secret is set, and the app refuses
 * anything without it) it is the address CloudFront saw, in the header its function overwrites
 * (stacks/Web.ts): X-Forwarded-For starts with whatever the client sent, so it is never read. Without
 * CloudFront it is API Gateway's own view of the caller.
 */
export function lambdaClientAddress(originSecret: string | undefined) {
  return (c: Context<AppEnv>): string | undefined =>
    originSecret ? c.req.header(CLIENT_HEADER) : (c.env as LambdaEnv)?.event?.requestContext?.http?.sourceIp;
}
