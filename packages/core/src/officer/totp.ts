import * as z from "zod/mini";

/**
 * Officers' second factor: a TOTP authenticator app (RFC 6238), never SMS, which costs money per sign-in
 * and can be redirected. Cognito's software-token MFA fixes these values (SHA-1, 6 digits, 30 s); the
 * local issuer uses the same ones, and accepts the codes of one step either side, as Cognito does, for a
 * phone whose clock is a little off.
 */
export const TOTP = { algorithm: "SHA1", digits: 6, periodSeconds: 30, window: 1 } as const;

/**
 * Minutes a sign-in may stay between its steps (password, new password, code): the app client's
 * `authSessionValidity` in AWS (stacks/Auth.ts) and the local issuer's challenge sessions. Long enough
 * for a new officer to install an authenticator app and scan the code; Cognito allows 3 to 15.
 */
export const SIGN_IN_SESSION_MINUTES = 10;

/** A code as an authenticator app shows it: six digits. */
export const TOTP_CODE_PATTERN = /^\d{6}$/;

/** The code field of `POST /api/auth/totp`, with the message the console and the API show. */
export const TotpCode = z
  .string()
  .check(z.regex(TOTP_CODE_PATTERN, "Enter the 6-digit code from your authenticator app."));

/**
 * The `otpauth://` URI an authenticator app reads from the enrolment QR code (Google's Key Uri Format,
 * which every common app follows): the account is the NRP, the issuer tells the app's entries apart.
 */
export function otpauthUri(options: { account: string; secret: string; issuer: string }): string {
  const issuer = encodeURIComponent(options.issuer);
  const params = [
    `secret=${options.secret}`,
    `issuer=${issuer}`,
    `algorithm=${TOTP.algorithm}`,
    `digits=${TOTP.digits}`,
    `period=${TOTP.periodSeconds}`,
  ];
  return `otpauth://totp/${issuer}:${encodeURIComponent(options.account)}?${params.join("&")}`;
}
