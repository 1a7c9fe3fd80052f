import { Officer, parseOrThrow, ValidationError } from "@lapora/core";
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../app";
import { readJson } from "../request";

const username = z.string().check(z.regex(/^\d{8}(\d{10})?$/, "An NRP is 8 or 18 digits."));
const password = z.string().check(z.minLength(1), z.maxLength(256));
const SignInBody = z.strictObject({ nrp: username, password });
const NewPasswordBody = z.strictObject({
  nrp: username,
  session: z.string().check(z.maxLength(4096)),
  newPassword: password,
});

function answer(result: Officer.SignInResult) {
  if (result.kind === "invalid") {
    const message = "Wrong NRP or password.";
    throw new ValidationError(message, [{ field: "password", code: "credentials.invalid", message }]);
  }
  return result.kind === "ok"
    ? { idToken: result.idToken, expiresIn: result.expiresIn }
    : { challenge: "new_password_required", session: result.session };
}

/** `/api/auth/*`: officer sign-in (Cognito in AWS, the local issuer locally), with failures slowed down. */
export const auth = new Hono<AppEnv>()
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .post("/login", async (c) => {
    const { nrp, password } = parseOrThrow(SignInBody, await readJson(c));
    const { signIn, signInThrottle } = c.var.deps;
    return c.json(
      answer(await Officer.signInThrottled(signInThrottle, nrp, () => signIn.signIn(nrp, password))),
    );
  })
  .post("/new-password", async (c) => {
    const { nrp, session, newPassword } = parseOrThrow(NewPasswordBody, await readJson(c));
    const { signIn, signInThrottle } = c.var.deps;
    return c.json(
      answer(
        await Officer.signInThrottled(signInThrottle, nrp, () =>
          signIn.setNewPassword(nrp, session, newPassword),
        ),
      ),
    );
  });
