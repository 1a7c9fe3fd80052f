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

/** Failed sign-ins per username, shared by every Lambda instance (the DynamoDB adapter is adapters/dynamo/sign-in-throttle.ts). */
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
