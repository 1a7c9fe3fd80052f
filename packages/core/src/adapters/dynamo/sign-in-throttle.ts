import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createService } from "../../db/service";
import type { SignInThrottle } from "../../officer/sign-in";

/** Failed sign-ins before the lock starts; the lock then doubles per failure, up to 15 minutes. */
export const FREE_FAILURES = 3;
const MAX_LOCK_SECONDS = 15 * 60;

/** Remembers failed sign-ins per username, in DynamoDB, so every Lambda instance sees the same count. */
export function createSignInThrottle(client: DynamoDBDocumentClient, table: string): SignInThrottle {
  const { signInAttempt } = createService(client, table).entities;
  return {
    async waitSeconds(username, nowMs = Date.now()) {
      const { data } = await signInAttempt.get({ username }).go({ consistent: true });
      return data?.lockedUntil ? Math.max(0, Math.ceil((data.lockedUntil - nowMs) / 1000)) : 0;
    },
    async failed(username, nowMs = Date.now()) {
      // An atomic ADD, so parallel guesses each count.
      const { data } = await signInAttempt
        .update({ username })
        .add({ failures: 1 })
        .set({ expiresAt: Math.floor(nowMs / 1000) + 86_400 })
        .go({ response: "all_new" });
      const failures = data.failures ?? 1;
      if (failures < FREE_FAILURES) return;
      const lock = Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCK_SECONDS);
      await signInAttempt
        .update({ username })
        .set({ lockedUntil: nowMs + lock * 1000 })
        .go();
    },
    async succeeded(username) {
      await signInAttempt.delete({ username }).go();
    },
  };
}
