import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { cognitoSdk, type Lazy } from "../aws/lazy";
import { RateLimitedError } from "../errors";

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

/** Failed sign-ins per username, shared by every Lambda instance (the DynamoDB adapter is in throttle.ts). */
export interface SignInThrottle {
  /** Seconds the username must still wait, or 0. */
  waitSeconds(username: string, nowMs?: number): Promise<number>;
  failed(username: string, nowMs?: number): Promise<void>;
  succeeded(username: string): Promise<void>;
}

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
