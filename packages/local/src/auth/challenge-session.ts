/**
 * The local issuer's sign-in sessions: what Cognito's `Session` string is in AWS, an opaque token that
 * carries a sign-in from the password to the code. Here it is JSON with an HMAC under a key of this
 * process (a restart ends every sign-in in progress, as Cognito's sessions end after a few minutes).
 * The secret of an enrolment rides in it, as Cognito keeps it with its session: the officer is shown it
 * anyway, and the HMAC keeps anyone from swapping in their own.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { Officer } from "@lapora/core";

export interface ChallengeState {
  username: string;
  /** `mfa`: the officer has an authenticator app; `setup`: enrolling `secret`. */
  step: "mfa" | "setup";
  secret?: string;
}

export interface ChallengeSessions {
  seal(state: ChallengeState, nowMs?: number): string;
  /** The state of a session this process sealed and that has not run out; undefined for any other. */
  open(session: string, nowMs?: number): ChallengeState | undefined;
}

export function createChallengeSessions(key = randomBytes(32)): ChallengeSessions {
  const mac = (body: string) => createHmac("sha256", key).update(body).digest();
  return {
    seal(state, nowMs = Date.now()) {
      const expiresAt = nowMs + Officer.SIGN_IN_SESSION_MINUTES * 60_000;
      const body = Buffer.from(JSON.stringify({ ...state, expiresAt })).toString("base64url");
      return `${body}.${mac(body).toString("base64url")}`;
    },
    open(session, nowMs = Date.now()) {
      const [body, tag, ...rest] = session.split(".");
      if (!body || !tag || rest.length) return undefined;
      const given = Buffer.from(tag, "base64url");
      const expected = mac(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const { username, step, secret, expiresAt } = JSON.parse(Buffer.from(body, "base64url").toString());
      if (typeof expiresAt !== "number" || expiresAt <= nowMs) return undefined;
      return { username, step, ...(typeof secret === "string" ? { secret } : {}) };
    },
  };
}
