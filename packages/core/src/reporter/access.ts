import { RateLimitedError, UnauthorizedError, ValidationError } from "../errors";
import type { SignInThrottle } from "../officer/sign-in";
import type { ReportStore } from "../report/store";
import * as TrackingCode from "../report/tracking-code";
import type { Report } from "../report/types";
import { canonicalSecret, hashReporterSecret, newReporterSecret } from "./secret";
import type { ReporterStore } from "./types";

/** What proving "code plus secret" needs: the reports, their secrets' hashes, and the attempt counter. */
export interface ReporterAccessDeps {
  reports: Pick<ReportStore, "getByTrackingCode">;
  reporter: ReporterStore;
  /**
   * Attempts per tracking code and source, shared with officers' sign-in (officer/sign-in.ts): a few free
   * tries, then a doubling wait for that source, and past a ceiling of failures for the code every source
   * gets one try. Its key for a report is `report:{code}`, apart from any NRP.
   */
  attempts: SignInThrottle;
}

/** A reporter's claim: the tracking code as typed, the secret from the Reporter-Secret header, the source. */
export interface ReporterClaim {
  code: string;
  secret: string | undefined;
  /** The source key of the client (abuse/source.ts), never an address. */
  source: string;
}

/**
 * Hands out a new secret for a stored report and keeps only its hash: called with the 201 receipt, and
 * again for each idempotent replay of it (the first answer may never have arrived), so every secret a
 * reporter was ever shown works.
 */
export async function openReporterAccess(
  store: ReporterStore,
  reportId: string,
  at = new Date(),
): Promise<string> {
  const secret = newReporterSecret();
  await store.grant(reportId, hashReporterSecret(secret), at.toISOString());
  return secret;
}

const wrong = () => new UnauthorizedError("This tracking code and secret do not match.");

/**
 * The report, for the holder of its code and secret. A wrong or missing secret is a 401 whatever the
 * reason (no such report, no secret, another report's secret), and counts against the code and source.
 */
export async function authenticateReporter(deps: ReporterAccessDeps, claim: ReporterClaim): Promise<Report> {
  const parsed = TrackingCode.parse(claim.code);
  if (!parsed.ok) {
    const message = "A tracking code looks like LPR-XXXX-XXXX-XXXX-X.";
    throw new ValidationError(message, [
      { field: "trackingCode", code: `trackingCode.${parsed.reason}`, message },
    ]);
  }
  const key = `report:${parsed.code}`;
  const { waitSeconds } = await deps.attempts.take(key, claim.source);
  if (waitSeconds > 0) {
    throw new RateLimitedError(
      `Too many wrong secrets for this report. Try again in ${waitSeconds} seconds.`,
      waitSeconds,
    );
  }
  const secret = claim.secret === undefined ? undefined : canonicalSecret(claim.secret);
  const report = secret ? await deps.reports.getByTrackingCode(parsed.code) : undefined;
  const hashes = report ? await deps.reporter.secretHashes(report.reportId) : [];
  if (!report || !secret || !hashes.includes(hashReporterSecret(secret))) {
    await deps.attempts.failed(key, claim.source);
    throw wrong();
  }
  await deps.attempts.succeeded(key, claim.source);
  return report;
}
