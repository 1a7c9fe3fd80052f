import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { cognitoSdk, type Lazy } from "../aws/lazy";
import { RateLimitedError } from "../errors";
import { createOfficerEntities } from "./entities";

export type SignInResult =
  | { kind: "ok"; idToken: string; expiresIn: number }
  | { kind: "new_password_required"; session: string }
  | { kind: "invalid" };

/** Checks a username and password and issues an ID token: Cognito in AWS, the local issuer on one machine. */
export interface SignInProvider {
  signIn(username: string, password: string): Promise<SignInResult>;
  /** Completes a first sign-in with a temporary password by setting a new one. */
  setNewPassword(username: string, session: string, newPassword: string): Promise<SignInResult>;
}

/** Cognito's USER_PASSWORD_AUTH flow with the console's public app client (no client secret). */
export function createCognitoSignIn(
  client: Lazy<CognitoIdentityProviderClient>,
  clientId: string,
): SignInProvider {
  const result = (r: {
    AuthenticationResult?: { IdToken?: string; ExpiresIn?: number };
    ChallengeName?: string;
    Session?: string;
  }): SignInResult => {
    if (r.AuthenticationResult?.IdToken) {
      return {
        kind: "ok",
        idToken: r.AuthenticationResult.IdToken,
        expiresIn: r.AuthenticationResult.ExpiresIn ?? 3600,
      };
    }
    if (r.ChallengeName === "NEW_PASSWORD_REQUIRED" && r.Session)
      return { kind: "new_password_required", session: r.Session };
    return { kind: "invalid" };
  };
  const guard = async (run: () => Promise<SignInResult>): Promise<SignInResult> => {
    try {
      return await run();
    } catch (err) {
      if ((err as Error).name === "NotAuthorizedException" || (err as Error).name === "UserNotFoundException")
        return { kind: "invalid" };
      throw err;
    }
  };
  return {
    signIn: (username, password) =>
      guard(async () =>
        result(
          await (await client()).send(
            new (await cognitoSdk()).InitiateAuthCommand({
              ClientId: clientId,
              AuthFlow: "USER_PASSWORD_AUTH",
              AuthParameters: { USERNAME: username, PASSWORD: password },
            }),
          ),
        ),
      ),
    setNewPassword: (username, session, newPassword) =>
      guard(async () =>
        result(
          await (await client()).send(
            new (await cognitoSdk()).RespondToAuthChallengeCommand({
              ClientId: clientId,
              ChallengeName: "NEW_PASSWORD_REQUIRED",
              Session: session,
              ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
            }),
          ),
        ),
      ),
  };
}

/** Failed sign-ins before the lock starts; the lock then doubles per failure, up to 15 minutes. */
export const FREE_FAILURES = 3;
const MAX_LOCK_SECONDS = 15 * 60;

/** Remembers failed sign-ins per username, in DynamoDB, so every Lambda instance sees the same count. */
export function createSignInThrottle(client: DynamoDBDocumentClient, table: string) {
  const { signInAttempt } = createOfficerEntities(client, table);
  return {
    /** Seconds the username must still wait, or 0. */
    async waitSeconds(username: string, nowMs = Date.now()): Promise<number> {
      const { data } = await signInAttempt.get({ username }).go({ consistent: true });
      return data?.lockedUntil ? Math.max(0, Math.ceil((data.lockedUntil - nowMs) / 1000)) : 0;
    },
    async failed(username: string, nowMs = Date.now()): Promise<void> {
      // An atomic ADD, so parallel guesses each count.
      const { data } = await signInAttempt
        .update({ username })
        .add({ failures: 1 })
        .set({ expiresAt: Math.floor(nowMs / 1000) + 86_400 })
        .go({ response: "all_new" });
      const failures = data.failures ?? 1;
      if (failures < FREE_FAILURES) return;
      const lock = Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCK_SECONDS);
      await signInAttempt
        .update({ username })
        .set({ lockedUntil: nowMs + lock * 1000 })
        .go();
    },
    async succeeded(username: string): Promise<void> {
      await signInAttempt.delete({ username }).go();
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/**
 * Signs an officer in, slowing down guessing: while a username is locked after repeated failures no
 * password is even tried, and each further failure doubles the lock.
 */
export async function signInThrottled(
  throttle: SignInThrottle,
  username: string,
  attempt: () => Promise<SignInResult>,
): Promise<SignInResult> {
  const wait = await throttle.waitSeconds(username);
  if (wait > 0) throw new RateLimitedError(`Too many failed sign-ins. Try again in ${wait} seconds.`, wait);
  const result = await attempt();
  if (result.kind === "invalid") await throttle.failed(username);
  else await throttle.succeeded(username);
  return result;
}
