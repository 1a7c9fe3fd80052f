import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { SignInProvider, SignInResult } from "../../officer/sign-in";
import { cognitoSdk, type Lazy } from "./lazy";

/** What InitiateAuth, RespondToAuthChallenge and VerifySoftwareToken answer, as far as sign-in reads it. */
interface CognitoAnswer {
  AuthenticationResult?: { IdToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  Session?: string;
}

/**
 * The session handed to the console says which TOTP challenge it belongs to, because answering them
 * differs: `mfa.` a SOFTWARE_TOKEN_MFA challenge (RespondToAuthChallenge with the code), `setup.` an
 * MFA_SETUP one whose secret was already associated (VerifySoftwareToken with the code, then
 * RespondToAuthChallenge). Cognito checks the session itself; a forged prefix only fails there.
 */
const MFA = "mfa.";
const SETUP = "setup.";

/** The name officers see for the entry in their authenticator app. */
export const COGNITO_TOTP_ISSUER = "Lapora";

/**
 * Cognito's USER_PASSWORD_AUTH flow with the console's public app client (no client secret), and its
 * TOTP challenges: the pool requires software-token MFA (stacks/Auth.ts), so a right password answers
 * SOFTWARE_TOKEN_MFA, or MFA_SETUP for an officer without an authenticator app yet. Every call here is
 * one of Cognito's public (unauthenticated) operations: the API needs no IAM grant for them.
 */
export function createCognitoSignIn(
  client: Lazy<CognitoIdentityProviderClient>,
  clientId: string,
): SignInProvider {
  const sdk = cognitoSdk;
  const respond = async (
    username: string,
    session: string,
    challenge: "NEW_PASSWORD_REQUIRED" | "SOFTWARE_TOKEN_MFA" | "MFA_SETUP",
    answers: Record<string, string> = {},
  ): Promise<CognitoAnswer> =>
    (await client()).send(
      new (await sdk()).RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: challenge,
        Session: session,
        ChallengeResponses: { USERNAME: username, ...answers },
      }),
    );

  const result = async (r: CognitoAnswer): Promise<SignInResult> => {
    if (r.AuthenticationResult?.IdToken) {
      return {
        kind: "ok",
        idToken: r.AuthenticationResult.IdToken,
        expiresIn: r.AuthenticationResult.ExpiresIn ?? 3600,
      };
    }
    if (!r.Session) return { kind: "invalid" };
    if (r.ChallengeName === "NEW_PASSWORD_REQUIRED")
      return { kind: "new_password_required", session: r.Session };
    if (r.ChallengeName === "SOFTWARE_TOKEN_MFA") return { kind: "totp_required", session: MFA + r.Session };
    if (r.ChallengeName === "MFA_SETUP") {
      // The secret is made for this session; Cognito keeps it unconfirmed until a code verifies it.
      const associated = await (await client()).send(
        new (await sdk()).AssociateSoftwareTokenCommand({ Session: r.Session }),
      );
      if (!associated.SecretCode || !associated.Session) return { kind: "expired" };
      return {
        kind: "totp_setup",
        session: SETUP + associated.Session,
        secret: associated.SecretCode,
        issuer: COGNITO_TOTP_ISSUER,
      };
    }
    // SMS_MFA, SELECT_MFA_TYPE and the rest cannot come from this pool (TOTP only): a misconfiguration.
    throw new Error(`Cognito asked for an unexpected challenge: ${r.ChallengeName ?? "none"}`);
  };

  const guard = async (run: () => Promise<SignInResult>): Promise<SignInResult> => {
    try {
      return await run();
    } catch (err) {
      const { name, message } = err as Error;
      // Cognito answers its own lockout with the same exception as a wrong password, told apart only by
      // its message; a correct password during the lockout gets it too.
      if (name === "NotAuthorizedException" && /password attempts exceeded/i.test(message))
        return { kind: "locked" };
      // "Invalid session for the user, session is expired." or "... session can only be used once."
      if (name === "NotAuthorizedException" && /session/i.test(message)) return { kind: "expired" };
      if (name === "NotAuthorizedException" || name === "UserNotFoundException") return { kind: "invalid" };
      // A wrong code: RespondToAuthChallenge says CodeMismatchException, VerifySoftwareToken
      // EnableSoftwareTokenMFAException; a code already used or too old, ExpiredCodeException.
      if (
        name === "CodeMismatchException" ||
        name === "EnableSoftwareTokenMFAException" ||
        name === "ExpiredCodeException"
      )
        return { kind: "invalid_code" };
      throw err;
    }
  };

  return {
    signIn: (username, password) =>
      guard(async () =>
        result(
          await (await client()).send(
            new (await sdk()).InitiateAuthCommand({
              ClientId: clientId,
              AuthFlow: "USER_PASSWORD_AUTH",
              AuthParameters: { USERNAME: username, PASSWORD: password },
            }),
          ),
        ),
      ),
    setNewPassword: (username, session, newPassword) =>
      guard(async () =>
        result(await respond(username, session, "NEW_PASSWORD_REQUIRED", { NEW_PASSWORD: newPassword })),
      ),
    answerTotp: (username, session, code) =>
      guard(async () => {
        if (session.startsWith(MFA)) {
          const answer = await respond(username, session.slice(MFA.length), "SOFTWARE_TOKEN_MFA", {
            SOFTWARE_TOKEN_MFA_CODE: code,
          });
          return result(answer);
        }
        if (!session.startsWith(SETUP)) return { kind: "expired" };
        const verified = await (await client()).send(
          new (await sdk()).VerifySoftwareTokenCommand({
            Session: session.slice(SETUP.length),
            UserCode: code,
            FriendlyDeviceName: COGNITO_TOTP_ISSUER,
          }),
        );
        if (verified.Status !== "SUCCESS") return { kind: "invalid_code" };
        if (!verified.Session) return { kind: "expired" };
        return result(await respond(username, verified.Session, "MFA_SETUP"));
      }),
  };
}
