import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";

export interface LocalIssuer {
  issuer: string;
  audience: string;
  /** The public keys, served at `{issuer}/.well-known/jwks.json` like Cognito's. */
  jwks: { keys: JWK[] };
  /** An ID token shaped like Cognito's: `cognito:username`, `token_use: id`, RS256. */
  sign(
    username: string,
    options?: { expiresInSeconds?: number; audience?: string; issuer?: string },
  ): Promise<string>;
}

const KID = "lapora-local-1";

/**
 * The local stand-in for the Cognito user pool's token issuer. Its key pair is kept in `keyFile` (under
 * LAPORA_DATA_DIR) so sessions survive a restart; without a file the key lives in memory (tests).
 */
export async function createLocalIssuer(options: {
  issuer: string;
  audience: string;
  keyFile?: string;
}): Promise<LocalIssuer> {
  let privateJwk: JWK;
  if (options.keyFile && existsSync(options.keyFile)) {
    privateJwk = JSON.parse(readFileSync(options.keyFile, "utf8"));
  } else {
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: KID, alg: "RS256", use: "sig" };
    if (options.keyFile) {
      mkdirSync(dirname(options.keyFile), { recursive: true });
      writeFileSync(options.keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
    }
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const key = await importJWK(privateJwk, "RS256");
  return {
    issuer: options.issuer,
    audience: options.audience,
    jwks: { keys: [publicJwk] },
    async sign(username, o = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ "cognito:username": username, token_use: "id" })
        .setProtectedHeader({ alg: "RS256", kid: KID })
        .setIssuer(o.issuer ?? options.issuer)
        .setAudience(o.audience ?? options.audience)
        .setSubject(username)
        .setIssuedAt(now)
        .setExpirationTime(now + (o.expiresInSeconds ?? 3600))
        .sign(key);
    },
  };
}
