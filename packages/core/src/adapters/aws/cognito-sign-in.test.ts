import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../../errors";
import { signInThrottled } from "../../officer/sign-in";
import { recordingThrottle } from "../../testing/recording-throttle";
import { createCognitoSignIn } from "./cognito-sign-in";

// Cognito has no emulator, so its answers are played by a stand-in client that returns or throws what
// Cognito's InitiateAuth, RespondToAuthChallenge, AssociateSoftwareToken and VerifySoftwareToken return or
// throw (the exception's name and message, as the SDK surfaces them). Mocked for that reason; the same
// flow against the local issuer runs for real in functions/src/api/auth.test.ts.
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

type Sent = { command: string; input: Record<string, unknown> };

/** A stand-in client that records each command and answers it with `answer` (which may throw). */
function cognitoAnswering(answer: (sent: Sent) => unknown) {
  const sent: Sent[] = [];
  const cognito = createCognitoSignIn(
    async () =>
      ({
        send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
          const call = { command: command.constructor.name.replace(/Command$/, ""), input: command.input };
          sent.push(call);
          return answer(call);
        },
      }) as unknown as CognitoIdentityProviderClient,
    "client-id",
  );
  return { cognito, sent };
}

const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name });
const TOKENS = { AuthenticationResult: { IdToken: "id-token", ExpiresIn: 3600 } };

describe("Cognito's TOTP challenges", () => {
  it("a right password of an enrolled officer asks for the code, and the code gets the token", async () => {
    const { cognito, sent } = cognitoAnswering(({ command }) =>
      command === "InitiateAuth" ? { ChallengeName: "SOFTWARE_TOKEN_MFA", Session: "S1" } : TOKENS,
    );
    const challenge = await cognito.signIn("80010001", "Benar-sekali-1");
    expect(challenge).toEqual({ kind: "totp_required", session: expect.any(String) });
    const session = (challenge as { session: string }).session;
    expect(await cognito.answerTotp("80010001", session, "123456")).toEqual({
      kind: "ok",
      idToken: "id-token",
      expiresIn: 3600,
    });
    expect(sent[1]).toEqual({
      command: "RespondToAuthChallenge",
      input: {
        ClientId: "client-id",
        ChallengeName: "SOFTWARE_TOKEN_MFA",
        Session: "S1",
        ChallengeResponses: { USERNAME: "80010001", SOFTWARE_TOKEN_MFA_CODE: "123456" },
      },
    });
  });

  it("a new officer enrols: the secret for the session, then the first code verifies it and signs in", async () => {
    const { cognito, sent } = cognitoAnswering(({ command, input }) => {
      if (command === "InitiateAuth") return { ChallengeName: "MFA_SETUP", Session: "S1" };
      if (command === "AssociateSoftwareToken") return { SecretCode: "JBSWY3DPEHPK3PXP", Session: "S2" };
      if (command === "VerifySoftwareToken") return { Status: "SUCCESS", Session: "S3" };
      return input.Session === "S3" ? TOKENS : {};
    });
    const setup = await cognito.signIn("80010001", "Benar-sekali-1");
    expect(setup).toEqual({
      kind: "totp_setup",
      session: expect.any(String),
      secret: "JBSWY3DPEHPK3PXP",
      issuer: "Lapora",
    });
    const done = await cognito.answerTotp("80010001", (setup as { session: string }).session, "654321");
    expect(done).toMatchObject({ kind: "ok", idToken: "id-token" });
    expect(sent.map((c) => c.command)).toEqual([
      "InitiateAuth",
      "AssociateSoftwareToken",
      "VerifySoftwareToken",
      "RespondToAuthChallenge",
    ]);
    expect(sent[1]?.input).toEqual({ Session: "S1" });
    expect(sent[2]?.input).toEqual({ Session: "S2", UserCode: "654321", FriendlyDeviceName: "Lapora" });
    expect(sent[3]?.input).toMatchObject({
      ChallengeName: "MFA_SETUP",
      Session: "S3",
      ChallengeResponses: { USERNAME: "80010001" },
    });
  });

  it("the first sign-in's new password leads to the enrolment too", async () => {
    const { cognito } = cognitoAnswering(({ command }) =>
      command === "RespondToAuthChallenge"
        ? { ChallengeName: "MFA_SETUP", Session: "S2" }
        : { SecretCode: "JBSWY3DPEHPK3PXP", Session: "S3" },
    );
    expect(await cognito.setNewPassword("80010001", "S1", "Baru-sekali-1!")).toMatchObject({
      kind: "totp_setup",
      secret: "JBSWY3DPEHPK3PXP",
    });
  });

  it("a wrong code is `invalid_code` and counts as this source's failure; so is a failed enrolment", async () => {
    const wrong = cognitoAnswering(() => {
      throw cognitoError("CodeMismatchException", "Invalid code received for user");
    }).cognito;
    const { throttle, told } = recordingThrottle();
    expect(
      await signInThrottled(throttle, "80010001", "src", () => wrong.answerTotp("80010001", "mfa.S1", "1")),
    ).toEqual({ kind: "invalid_code" });
    expect(told).toEqual(["failed"]);
    const enrol = cognitoAnswering(() => {
      throw cognitoError("EnableSoftwareTokenMFAException", "Code mismatch");
    }).cognito;
    expect(await enrol.answerTotp("80010001", "setup.S2", "1")).toEqual({ kind: "invalid_code" });
    const refused = cognitoAnswering(() => ({ Status: "ERROR" })).cognito;
    expect(await refused.answerTotp("80010001", "setup.S2", "1")).toEqual({ kind: "invalid_code" });
  });

  it("a spent or expired session is `expired`, counts as no failure, and a made-up one never reaches Cognito", async () => {
    const { cognito, sent } = cognitoAnswering(() => {
      throw cognitoError("NotAuthorizedException", "Invalid session for the user, session is expired.");
    });
    const { throttle, told } = recordingThrottle();
    expect(
      await signInThrottled(throttle, "80010001", "src", () => cognito.answerTotp("80010001", "mfa.S1", "1")),
    ).toEqual({ kind: "expired" });
    expect(told).toEqual([]);
    sent.length = 0;
    expect(await cognito.answerTotp("80010001", "S1", "123456")).toEqual({ kind: "expired" });
    expect(sent).toEqual([]);
  });

  it("an SMS challenge (the pool allows none) is a misconfiguration: an error, not a pass", async () => {
    const { cognito } = cognitoAnswering(() => ({ ChallengeName: "SMS_MFA", Session: "S1" }));
    await expect(cognito.signIn("80010001", "Benar-sekali-1")).rejects.toThrow(
      /unexpected challenge: SMS_MFA/,
    );
  });
});
