import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createService } from "../../db/service";
import { NRP_FAILURE_CEILING, type SignInThrottle, signInWaitSeconds } from "../../officer/sign-in";

/**
 * Tries before giving up on a record other attempts keep changing: then the attempt is refused briefly.
 * Each round one racer wins, so this many racing attempts for one NRP and source all get an answer
 * rather than a refusal (8 lost twelve at once now and then, and the owner's own try with them).
 */
const MAX_RACES = 16;
const DAY_SECONDS = 86_400;

/**
 * Sign-in attempts in DynamoDB, so every Lambda instance sees the same counts: one item per NRP and
 * source (its attempts and when the next may come), and one per NRP and time window (its failures from
 * all sources). An attempt is taken with a conditional write on the count read, so racing attempts
 * serialise and each one counts.
 */
export function createSignInThrottle(client: DynamoDBDocumentClient, table: string): SignInThrottle {
  const { signInAttempt } = createService(client, table).entities;
  const perSource = (nrp: string, source: string) => `${nrp}#${source}`;
  const window = (nrp: string, nowMs: number) =>
    `${nrp}@${Math.floor(nowMs / 1000 / NRP_FAILURE_CEILING.windowSeconds)}`;

  async function ceilingReached(nrp: string, nowMs: number): Promise<boolean> {
    const { data } = await signInAttempt.get({ username: window(nrp, nowMs) }).go({ consistent: true });
    return (data?.failures ?? 0) >= NRP_FAILURE_CEILING.failures;
  }

  return {
    async take(username, source, nowMs = Date.now()) {
      const key = perSource(username, source);
      const ceiling = await ceilingReached(username, nowMs);
      for (let race = 0; race < MAX_RACES; race++) {
        const { data } = await signInAttempt.get({ username: key }).go({ consistent: true });
        const lockedUntil = data?.lockedUntil ?? 0;
        if (lockedUntil > nowMs) return { waitSeconds: Math.ceil((lockedUntil - nowMs) / 1000) };
        const attempts = (data?.failures ?? 0) + 1;
        const wait = signInWaitSeconds(attempts, ceiling);
        const next = {
          failures: attempts,
          lockedUntil: nowMs + wait * 1000,
          expiresAt: Math.floor(nowMs / 1000) + DAY_SECONDS,
        };
        try {
          await (data
            ? signInAttempt
                .patch({ username: key })
                .set(next)
                .where((a, { eq }) => eq(a.failures, data.failures ?? 0))
                .go()
            : signInAttempt.create({ username: key, ...next }).go());
          return { waitSeconds: 0 };
        } catch (err) {
          if (!/conditional/i.test(String(err))) throw err;
        }
      }
      return { waitSeconds: 1 };
    },
    async failed(username, _source, nowMs = Date.now()) {
      await signInAttempt
        .update({ username: window(username, nowMs) })
        .add({ failures: 1 })
        .set({ expiresAt: Math.floor(nowMs / 1000) + NRP_FAILURE_CEILING.windowSeconds * 2 })
        .go();
    },
    // A reset, not a delete: the public function (a reporter's code and secret) may not delete items.
    async succeeded(username, source, nowMs = Date.now()) {
      await signInAttempt
        .update({ username: perSource(username, source) })
        .set({ failures: 0, lockedUntil: 0, expiresAt: Math.floor(nowMs / 1000) + DAY_SECONDS })
        .go();
    },
  };
}
