import { createHmac, timingSafeEqual } from "node:crypto";
import { ConflictError, NotFoundError } from "../errors";
import * as TrackingCode from "./tracking-code";

/**
 * A report marked as a test (`npm run smoke` after a deploy, scripts/smoke.ts): it goes through the same
 * intake, storage and tracking as any report, but it alerts no one (alert/stream.ts), it is in no queue,
 * no statistics and no escalation (it has no index keys, db/entities/report.ts), and the smoke test
 * deletes it at the end.
 *
 * Only an operator can mark one. The header carries a token that only a holder of the stage's source-key
 * secret (Secrets Manager; the functions hold it already) can make: an HMAC under a key derived from that
 * secret, over a time that must be within SMOKE_TOKEN_SECONDS of the server's. Hiding a real emergency from
 * the officers would need that secret, which already lets its holder read and change everything else. A
 * missing, wrong, malformed or stale token is not an error: the report is simply a real one, so the header
 * tells an outsider nothing.
 */
export const SMOKE_HEADER = "X-Lapora-Smoke";

/** How far a token's time may be from the server's clock, either way. */
export const SMOKE_TOKEN_SECONDS = 300;

const VERSION = "v1";

/** The token key: its own derivation of the source-key secret, so it never equals a source key. */
const keyOf = (secret: string) => createHmac("sha256", secret).update("lapora-smoke-test").digest();
const macOf = (secret: string, seconds: string) =>
  createHmac("sha256", keyOf(secret)).update(`${VERSION}.${seconds}`).digest();

/** The `X-Lapora-Smoke` token for `at`, under the stage's source-key secret: `v1.{epoch seconds}.{mac}`. */
export function smokeToken(secret: string, at = new Date()): string {
  const seconds = String(Math.floor(at.getTime() / 1000));
  return `${VERSION}.${seconds}.${macOf(secret, seconds).toString("base64url")}`;
}

/** True for a well-formed token made with `secret` within SMOKE_TOKEN_SECONDS of `at`; false otherwise. */
export function isSmokeToken(secret: string, token: string | undefined, at = new Date()): boolean {
  const m = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!m?.[1] || !m[2]) return false;
  if (Math.abs(Number(m[1]) - at.getTime() / 1000) > SMOKE_TOKEN_SECONDS) return false;
  const given = Buffer.from(m[2], "base64url");
  const expected = macOf(secret, m[1]);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The port the smoke test removes its report through: the operator's own access to the table. */
export interface TestReportStore {
  /** Whether the report with this code is stored as a test; undefined when no report has the code. */
  isTest(trackingCode: string): Promise<boolean | undefined>;
  /**
   * Deletes the report with this code, every item of its collection and its code's claim, in one
   * transaction that holds only while the report is a test. Counters of its source go by TTL.
   */
  remove(trackingCode: string): Promise<"removed" | "not_test" | "not_found">;
}

/**
 * Removes a test report and everything stored with it. A report that is not a test is never removed this
 * way, whoever asks: it is a real report, even one the smoke test sent with a token the API refused.
 */
export async function removeTestReport(store: TestReportStore, code: string): Promise<void> {
  const parsed = TrackingCode.parse(code);
  if (!parsed.ok) throw new NotFoundError(`${code} is not a tracking code.`);
  const outcome = await store.remove(parsed.code);
  if (outcome === "not_found") throw new NotFoundError(`No report has the tracking code ${parsed.code}.`);
  if (outcome === "not_test")
    throw new ConflictError(`${parsed.code} is a real report, not a test: it stays (SPKT can reject it).`);
}
