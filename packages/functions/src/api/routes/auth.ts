import { Officer, ValidationError } from "@lapora/core";
import { routes } from "@lapora/core/contract";
import { bodyOf } from "../request";
import type { PublicHandlers } from "./register";

function answer(result: Awaited<ReturnType<typeof Officer.signInThrottled>>) {
  if (result.kind === "invalid") {
    const message = "Wrong NRP or password.";
    throw new ValidationError(message, [{ field: "password", code: "credentials.invalid", message }]);
  }
  return result.kind === "ok"
    ? { idToken: result.idToken, expiresIn: result.expiresIn }
    : { challenge: "new_password_required" as const, session: result.session };
}

/** Officer sign-in (Cognito in AWS, the local issuer locally), with failures slowed down. */
export const authHandlers: PublicHandlers<"signIn" | "newPassword"> = {
  signIn: async (c) => {
    const { nrp, password } = await bodyOf(c, routes.signIn);
    const { signIn, signInThrottle } = c.var.deps;
    return c.json(
      answer(
        await Officer.signInThrottled(signInThrottle, nrp, c.var.source, () => signIn.signIn(nrp, password)),
      ),
    );
  },
  newPassword: async (c) => {
    const { nrp, session, newPassword } = await bodyOf(c, routes.newPassword);
    const { signIn, signInThrottle } = c.var.deps;
    return c.json(
      answer(
        await Officer.signInThrottled(signInThrottle, nrp, c.var.source, () =>
          signIn.setNewPassword(nrp, session, newPassword),
        ),
      ),
    );
  },
};
