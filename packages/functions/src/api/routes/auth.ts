import { Officer } from "@lapora/core";
import { routes } from "@lapora/core/contract";
import { bodyOf } from "../request";
import type { PublicHandlers } from "./register";

/**
 * Officer sign-in (Cognito in AWS, the local issuer locally): the password, a new password on the first
 * sign-in, then the code of the officer's authenticator app. Wrong passwords and codes are slowed down.
 */
export const authHandlers: PublicHandlers<"signIn" | "newPassword" | "totp"> = {
  signIn: async (c) => {
    const { nrp, password } = await bodyOf(c, routes.signIn);
    const { signIn, signInThrottle } = c.var.deps;
    const result = await Officer.signInThrottled(signInThrottle, nrp, c.var.source, () =>
      signIn.signIn(nrp, password),
    );
    return c.json(Officer.signInAnswer(nrp, result));
  },
  newPassword: async (c) => {
    const { nrp, session, newPassword } = await bodyOf(c, routes.newPassword);
    const { signIn, signInThrottle } = c.var.deps;
    const result = await Officer.signInThrottled(signInThrottle, nrp, c.var.source, () =>
      signIn.setNewPassword(nrp, session, newPassword),
    );
    return c.json(Officer.signInAnswer(nrp, result));
  },
  totp: async (c) => {
    const { nrp, session, code } = await bodyOf(c, routes.totp);
    const { signIn, signInThrottle } = c.var.deps;
    const result = await Officer.signInThrottled(signInThrottle, nrp, c.var.source, () =>
      signIn.answerTotp(nrp, session, code),
    );
    return c.json(Officer.signInAnswer(nrp, result));
  },
};
