import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../../errors";
import { type SignInThrottle, signInThrottled } from "../../officer/sign-in";
import { createCognitoSignIn } from "./cognito-sign-in";

// Cognito has no emulator, so its answers are played by a stand-in client that throws what Cognito's
// InitiateAuth throws (the exception's name and message, as the SDK surfaces them). Mocked for that reason.
const cognitoThrowing = (name: string, message: string) =>
  createCognitoSignIn(
    async () =>
      ({
        send: async () => {
          throw Object.assign(new Error(message), { name });
        },
      }) as unknown as CognitoIdentityProviderClient,
    "client-id",
  );

/** A throttle that lets every attempt through and records what it was told. */
function recordingThrottle() {
  const told: string[] = [];
  const throttle: SignInThrottle = {
    take: async () => ({ waitSeconds: 0 }),
    failed: async () => void told.push("failed"),
    succeeded: async () => void told.push("succeeded"),
  };
  return { throttle, told };
}

describe("Cognito's answers to a sign-in", () => {
  it("a wrong password is `invalid`, and counts as this source's failure", async () => {
    const cognito = cognitoThrowing("NotAuthorizedException", "Incorrect username or password.");
    expect(await cognito.signIn("80010001", "tebakan")).toEqual({ kind: "invalid" });
    const { throttle, told } = recordingThrottle();
    expect(await signInThrottled(throttle, "80010001", "src", () => cognito.signIn("80010001", "x"))).toEqual(
      {
        kind: "invalid",
      },
    );
    expect(told).toEqual(["failed"]);
  });

  it("an unknown NRP looks the same as a wrong password", async () => {
    const cognito = cognitoThrowing("UserNotFoundException", "User does not exist.");
    expect(await cognito.signIn("80019999", "x")).toEqual({ kind: "invalid" });
  });

  it("Cognito's own lockout is a 429 to wait out, not a wrong password, and counts as no failure", async () => {
    const cognito = cognitoThrowing("NotAuthorizedException", "Password attempts exceeded");
    expect(await cognito.signIn("80010001", "the-right-one")).toEqual({ kind: "locked" });
    const { throttle, told } = recordingThrottle();
    const attempt = signInThrottled(throttle, "80010001", "src", () => cognito.signIn("80010001", "x"));
    await expect(attempt).rejects.toBeInstanceOf(RateLimitedError);
    await expect(
      signInThrottled(throttle, "80010001", "src", () => cognito.signIn("80010001", "x")),
    ).rejects.toMatchObject({ retryAfterSeconds: 60 });
    expect(told).toEqual([]);
  });

  it("anything else surfaces as an error, for a 5xx and a log line", async () => {
    const cognito = cognitoThrowing("InternalErrorException", "boom");
    await expect(cognito.signIn("80010001", "x")).rejects.toThrow("boom");
  });
});
