import { RateLimitedError } from "../errors";

/**
 * Where a sign-in stands after one step. Every officer has a TOTP second factor (officer/totp.ts): a right
 * password leads to `totp_required`, or, for an officer with no authenticator app yet, to `totp_setup`;
 * only the code (`SignInProvider.answerTotp`) ends in `ok`. A session is the provider's own opaque
 * string: Cognito's, or the local issuer's.
 */
export type SignInResult =
  | { kind: "ok"; idToken: string; expiresIn: number }
  | { kind: "new_password_required"; session: string }
  /** The password was right; the code from the officer's authenticator app comes next. */
  | { kind: "totp_required"; session: string }
  /**
   * The password was right and no authenticator app is enrolled: the officer adds `secret` to one, then
   * sends its first code. `issuer` names the entry in the app ("Lapora", or "Lapora lokal" on one machine).
   */
  | { kind: "totp_setup"; session: string; secret: string; issuer: string }
  | { kind: "invalid" }
  /** A wrong code, or one too old: counts against the source like a wrong password. */
  | { kind: "invalid_code" }
  /** The session ran out (SIGN_IN_SESSION_MINUTES), was spent, or is not one: start again with the password. */
  | { kind: "expired" }
  /**
   * The identity provider itself refuses attempts for a while (Cognito locks a user after five failed
   * passwords, from 1 s doubling to about 15 min, whatever the source). Not a wrong password: the officer
   * is told to wait, and it counts as no failure of this source.
   */
  | { kind: "locked" };

/** Checks a username, password and TOTP code and issues an ID token: Cognito in AWS, the local issuer on one machine. */
export interface SignInProvider {
  signIn(username: string, password: string): Promise<SignInResult>;
  /** Completes a first sign-in with a temporary password by setting a new one. */
  setNewPassword(username: string, session: string, newPassword: string): Promise<SignInResult>;
  /**
   * Answers `totp_required` with the app's current code, or `totp_setup` with the first code of the newly
   * enrolled app (which then becomes the officer's second factor).
   */
  answerTotp(username: string, session: string, code: string): Promise<SignInResult>;
}

/** Sign-ins a source may try for one NRP before it has to wait; each further attempt doubles the wait. */
export const FREE_SIGN_IN_ATTEMPTS = 3;
/** What a source is told to wait when the identity provider has locked the user (Cognito does not say). */
export const PROVIDER_LOCK_WAIT_SECONDS = 60;
/** The longest a source ever waits between attempts for one NRP. */
export const MAX_SIGN_IN_WAIT_SECONDS = 15 * 60;
/**
 * Failed sign-ins for one NRP, from all sources together, within `windowSeconds`, after which every
 * source gets its first attempt only and then waits: guessing from many addresses slows down, while the
 * real officer, from an address that has not failed, still signs in at once.
 */
export const NRP_FAILURE_CEILING = { failures: 20, windowSeconds: 15 * 60 };

/** What a source must wait before its next attempt, after `attempts` (1 = the one just taken). */
export function signInWaitSeconds(attempts: number, ceilingReached: boolean): number {
  const free = ceilingReached ? 0 : FREE_SIGN_IN_ATTEMPTS;
  return attempts < free ? 0 : Math.min(2 ** (attempts - free), MAX_SIGN_IN_WAIT_SECONDS);
}

/**
 * Sign-in attempts per NRP and source, shared by every Lambda instance (the DynamoDB adapter is
 * adapters/dynamo/sign-in-throttle.ts). `source` is a source key (abuse/source.ts), never an address.
 */
export interface SignInThrottle {
  /**
   * Takes one attempt for this NRP from this source, atomically (racing attempts each count, so twelve
   * guesses sent at once are not all tried), or says how many seconds to wait first.
   */
  take(username: string, source: string, nowMs?: number): Promise<{ waitSeconds: number }>;
  /** A wrong password or code: counts towards the NRP's ceiling. */
  failed(username: string, source: string, nowMs?: number): Promise<void>;
  /** A finished sign-in: this source starts afresh for this NRP. */
  succeeded(username: string, source: string, nowMs?: number): Promise<void>;
}

/**
 * Signs an officer in, slowing down guessing by source: a source that keeps failing waits longer and
 * longer, while the officer's own sign-in from elsewhere is never held up by it. No password or code is
 * tried while the source must wait. A wrong code counts like a wrong password, and only a finished
 * sign-in (a token) lets the source start afresh: a right password alone does not, or whoever holds it
 * could guess codes three at a time for ever.
 */
export async function signInThrottled(
  throttle: SignInThrottle,
  username: string,
  source: string,
  attempt: () => Promise<SignInResult>,
): Promise<Exclude<SignInResult, { kind: "locked" }>> {
  const { waitSeconds: wait } = await throttle.take(username, source);
  if (wait > 0) throw new RateLimitedError(`Too many failed sign-ins. Try again in ${wait} seconds.`, wait);
  const result = await attempt();
  if (result.kind === "locked")
    throw new RateLimitedError(
      `Sign-in for this NRP is paused after repeated failures. Try again in ${PROVIDER_LOCK_WAIT_SECONDS} seconds.`,
      PROVIDER_LOCK_WAIT_SECONDS,
    );
  if (result.kind === "invalid" || result.kind === "invalid_code") await throttle.failed(username, source);
  else if (result.kind === "ok") await throttle.succeeded(username, source);
  return result;
}
