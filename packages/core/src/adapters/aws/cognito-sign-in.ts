import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { SignInProvider, SignInResult } from "../../officer/sign-in";
import { cognitoSdk, type Lazy } from "./lazy";

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
      const { name, message } = err as Error;
      // Cognito answers its own lockout with the same exception as a wrong password, told apart only by
      // its message; a correct password during the lockout gets it too.
      if (name === "NotAuthorizedException" && /password attempts exceeded/i.test(message))
        return { kind: "locked" };
      if (name === "NotAuthorizedException" || name === "UserNotFoundException") return { kind: "invalid" };
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
