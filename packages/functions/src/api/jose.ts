/**
 * The two jose functions the token verifier uses, as a module of their own: auth.ts loads it with
 * import() on the first officer's token. Importing "jose" itself that way would put all of jose
 * (~64 KiB) in the Lambda bundle, since a dynamic import keeps every export; this keeps just these.
 */
export { createRemoteJWKSet, jwtVerify } from "jose";
