import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { recordingThrottle } from "../testing/recording-throttle";
import { TotpBody } from "./schema";
import { type SignInResult, signInThrottled } from "./sign-in";
import { signInAnswer } from "./sign-in-answer";
import { otpauthUri } from "./totp";

const steps: [SignInResult, string[]][] = [
  [{ kind: "invalid" }, ["failed"]],
  [{ kind: "invalid_code" }, ["failed"]],
  [{ kind: "totp_required", session: "s" }, []],
  [{ kind: "totp_setup", session: "s", secret: "JBSWY3DPEHPK3PXP", issuer: "Lapora" }, []],
  [{ kind: "new_password_required", session: "s" }, []],
  [{ kind: "expired" }, []],
  [{ kind: "ok", idToken: "t", expiresIn: 3600 }, ["succeeded"]],
];

describe("the sign-in throttle's bookkeeping", () => {
  it.each(steps)("after %j it is told %j", async (result, expected) => {
    const { throttle, told } = recordingThrottle();
    await signInThrottled(throttle, "80010001", "src", async () => result);
    expect(told).toEqual(expected);
  });
});

describe("the API's answer to a sign-in step", () => {
  it("names the next challenge, with the enrolment's QR code URI", () => {
    expect(signInAnswer("80010001", { kind: "totp_required", session: "s" })).toEqual({
      challenge: "totp",
      session: "s",
    });
    expect(
      signInAnswer("80010001", {
        kind: "totp_setup",
        session: "s",
        secret: "JBSWY3DPEHPK3PXP",
        issuer: "Lapora",
      }),
    ).toEqual({
      challenge: "totp_setup",
      session: "s",
      secret: "JBSWY3DPEHPK3PXP",
      otpauthUri:
        "otpauth://totp/Lapora:80010001?secret=JBSWY3DPEHPK3PXP&issuer=Lapora&algorithm=SHA1&digits=6&period=30",
    });
  });

  it.each([
    [{ kind: "invalid" } as const, "password", "credentials.invalid"],
    [{ kind: "invalid_code" } as const, "code", "totp.invalid"],
    [{ kind: "expired" } as const, "session", "session.expired"],
  ])("refuses %j naming the field to fix", (result, field, code) => {
    try {
      signInAnswer("80010001", result);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).details).toEqual([{ field, code, message: expect.any(String) }]);
    }
  });
});

describe("the code field", () => {
  it("takes six digits and nothing else", () => {
    const body = (code: unknown) => TotpBody.safeParse({ nrp: "80010001", session: "s", code }).success;
    expect(body("012345")).toBe(true);
    for (const bad of ["12345", "1234567", "12 345", "abcdef", 123456, ""]) expect(body(bad)).toBe(false);
  });

  it("encodes the issuer and account of the QR code's URI", () => {
    expect(otpauthUri({ account: "80010001", secret: "ABC", issuer: "Lapora lokal" })).toMatch(
      /^otpauth:\/\/totp\/Lapora%20lokal:80010001\?secret=ABC&issuer=Lapora%20lokal&/,
    );
  });
});
