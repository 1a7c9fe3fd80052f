import { ValidationError } from "../errors";
import type { SignInResult } from "./sign-in";
import { otpauthUri } from "./totp";

/** What `POST /api/auth/login`, `/new-password` and `/totp` answer (contract: SignInAnswer). */
export type SignInAnswer =
  | { idToken: string; expiresIn: number }
  | { challenge: "new_password_required"; session: string }
  | { challenge: "totp"; session: string }
  | { challenge: "totp_setup"; session: string; secret: string; otpauthUri: string };

const refuse = (field: string, code: string, message: string): never => {
  throw new ValidationError(message, [{ field, code, message }]);
};

/**
 * Turns a sign-in step's result into the API's answer for `nrp`: a token or the next challenge, or a 400
 * naming the field to fix (`password`, `code`, or `session` when the sign-in must start again). A wrong
 * password never says whether the NRP has an account.
 */
export function signInAnswer(nrp: string, result: Exclude<SignInResult, { kind: "locked" }>): SignInAnswer {
  switch (result.kind) {
    case "ok":
      return { idToken: result.idToken, expiresIn: result.expiresIn };
    case "new_password_required":
      return { challenge: "new_password_required", session: result.session };
    case "totp_required":
      return { challenge: "totp", session: result.session };
    case "totp_setup":
      return {
        challenge: "totp_setup",
        session: result.session,
        secret: result.secret,
        otpauthUri: otpauthUri({ account: nrp, secret: result.secret, issuer: result.issuer }),
      };
    case "invalid":
      return refuse("password", "credentials.invalid", "Wrong NRP or password.");
    case "invalid_code":
      return refuse(
        "code",
        "totp.invalid",
        "Wrong or expired code. Enter the code your authenticator app shows now.",
      );
    case "expired":
      return refuse(
        "session",
        "session.expired",
        "This sign-in has expired. Sign in again with your NRP and password.",
      );
  }
}
