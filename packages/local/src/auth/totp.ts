/**
 * The local issuer's TOTP (RFC 6238) with core's settings (officer/totp.ts: SHA-1, 6 digits, 30 s, one
 * step either side), as Cognito's software-token MFA checks it in AWS. otpauth does the arithmetic.
 */
import { Officer } from "@lapora/core";
import { Secret, TOTP } from "otpauth";

const settings = {
  algorithm: Officer.TOTP.algorithm,
  digits: Officer.TOTP.digits,
  period: Officer.TOTP.periodSeconds,
};

/** A new secret for an authenticator app: 20 random bytes (160 bits, RFC 4226's size), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The code an authenticator app with `secret` shows at `atMs` (default now). */
export function totpCode(secret: string, atMs = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: atMs, ...settings });
}

/** Whether `code` is the code of `secret` now, or of the step just before or after it. */
export function checkTotp(secret: string, code: string, atMs = Date.now()): boolean {
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    timestamp: atMs,
    window: Officer.TOTP.window,
    ...settings,
  });
  return delta !== null;
}

/** Seconds until the code of `atMs` changes. */
export function secondsLeft(atMs = Date.now()): number {
  const period = Officer.TOTP.periodSeconds;
  return period - (Math.floor(atMs / 1000) % period);
}
