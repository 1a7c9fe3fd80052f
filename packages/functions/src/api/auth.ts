import * as Aws from "@lapora/core/aws";
import { ORIGIN_HEADER } from "@lapora/core/infra";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { JWTVerifyGetKey } from "jose";
import type { OfficerEnv } from "./app";
import { bearerToken } from "./request";

/** jose, loaded with the first officer's token: the public routes never need it. */
const jose = Aws.lazy(() => import("./jose"));

/** Checks a bearer token and returns the officer's username (their NRP). Throws on any doubt. */
export type TokenVerifier = (token: string) => Promise<{ username: string }>;

/**
 * Verifies a Cognito-style ID token: RS256 signature against the issuer's JWKS, issuer, audience (the
 * app client id), expiry, and `token_use: id`. The same code checks Cognito's tokens in AWS and the
 * local issuer's tokens on one machine; only where the keys come from differs.
 */
export function createTokenVerifier(options: {
  issuer: string;
  audience: string;
  keys?: JWTVerifyGetKey;
}): TokenVerifier {
  // The remote key set is made on the first token, not at cold start (it is ~10 ms to set up).
  let keys = options.keys;
  return async (token) => {
    const { jwtVerify, createRemoteJWKSet } = await jose();
    keys ??= createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(token, keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ["RS256"],
      requiredClaims: ["exp", "cognito:username"],
    });
    const username = payload["cognito:username"];
    if (payload.token_use !== "id" || typeof username !== "string") throw new Error("not an ID token");
    return { username };
  };
}

const unauthorized = (message: string) =>
  new HTTPException(401, { message, res: new Response(null, { headers: { "WWW-Authenticate": "Bearer" } }) });

/** Every officer route: a valid token of an active officer on the roster, who is then `c.var.officer`. */
export const requireOfficer = createMiddleware<OfficerEnv>(async (c, next) => {
  const token = bearerToken(c);
  if (!token) throw unauthorized("Sign in first.");
  let username: string;
  try {
    ({ username } = await c.var.deps.verifyToken(token));
  } catch {
    throw unauthorized("Your session is not valid or has expired; sign in again.");
  }
  const officer = await c.var.deps.officers.get(username);
  if (!officer?.active)
    throw new HTTPException(403, { message: "Your account is not active on the roster." });
  c.set("officer", officer);
  await next();
});

export { ORIGIN_HEADER };

/**
 * Refuses every request that does not carry CloudFront's origin secret: the API answers only through
 * CloudFront (and its WAF), never on the raw execute-api address. Compared in constant time.
 */
export function requireOrigin(secret: string) {
  const expected = new TextEncoder().encode(secret);
  return createMiddleware(async (c, next) => {
    const given = new TextEncoder().encode(c.req.header(ORIGIN_HEADER) ?? "");
    let diff = given.length ^ expected.length;
    for (let i = 0; i < expected.length; i++) diff |= (given[i] ?? 0) ^ (expected[i] ?? 0);
    if (diff !== 0) throw new HTTPException(403, { message: "Use Lapora through its own address." });
    await next();
  });
}
