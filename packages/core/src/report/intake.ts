import { countersFor, type ReportLimits, type ReportSource, trapOf, windowOf } from "../abuse/admission";
import { ValidationError } from "../errors";
import { parseReportPhotos } from "../evidence/schema";
import { type EvidenceDeps, openUploads, type UploadGrant } from "../evidence/uploads";
import { hashRequest, IDEMPOTENCY_KEY_PATTERN } from "../idempotency";
import { openReporterAccess } from "../reporter/access";
import type { ReporterStore } from "../reporter/types";
import { parseReportInput } from "./input";
import type { Lang } from "./messages";
import { derivePriority } from "./priority";
import { submit } from "./service";
import { isSmokeToken } from "./smoke-test";
import type { ReportStore } from "./store";
import type { ServiceTargets } from "./targets";
import type { SubmitReceipt } from "./types";

export interface IntakeDeps {
  reports: ReportStore;
  evidence: EvidenceDeps;
  /** Where the hash of each reporter secret handed out is kept. */
  reporter: ReporterStore;
  /** The stage's service targets (report/targets.ts); core's defaults when absent. */
  targets?: ServiceTargets;
  /** Limits by source and bot traps (abuse/admission.ts), with the stage's source-key secret. */
  admission: { secret: string; limits: ReportLimits; now?: () => Date };
}

/** A report as it arrived: the parsed JSON body, the Idempotency-Key header if any, the reader's language. */
export interface IntakeRequest {
  body: unknown;
  idempotencyKey?: string | undefined;
  lang?: Lang;
  /** Where it came from: the source key of the client address and the device token, if sent. */
  source: ReportSource;
  /** The X-Lapora-Smoke header, if sent: a valid token marks the report as a test (smoke-test.ts). */
  smokeToken?: string | undefined;
}

/**
 * The 201 answer: the receipt, the reporter secret (code plus secret opens the reporter's own view) and
 * the upload capability with a form per photo. The secret and the capability are shown only here.
 */
export type IntakeReceipt = SubmitReceipt & { reporterSecret: string; uploads: UploadGrant };

/** The report fields, and apart from them `photos` (the type of each photo to upload) and `form` (traps). */
function splitBody(body: unknown): { fields: unknown; photos: unknown; form: unknown } {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return { fields: body, photos: undefined, form: undefined };
  }
  const { photos, form, ...fields } = body as Record<string, unknown>;
  return { fields, photos, form };
}

/** Throws a ValidationError naming the header unless the key is absent or well-formed. */
export function checkIdempotencyKey(key: string | undefined): void {
  if (key === undefined || IDEMPOTENCY_KEY_PATTERN.test(key)) return;
  const message = "Idempotency-Key must be 8 to 128 letters, digits or -_.: characters.";
  throw new ValidationError(message, [{ field: "Idempotency-Key", code: "idempotencyKey.invalid", message }]);
}

/**
 * Intake of a new report, `POST /api/reports`: checks the Idempotency-Key, validates the fields and the
 * photo types (each bad field named, nothing stored), counts it against its source's limits (held for
 * review past a soft one or when a bot trap caught it, 429 past a hard one), stores the report under the
 * key's scope with the hash of the body, and opens its uploads. A replay of the same body under the same key gets the first
 * receipt back (`replayed`) with a fresh capability and forms only for slots not yet filled. `held` says
 * that a new report waits for SPKT's review (the receipt tells a trapped bot nothing of it). `test` says
 * that a valid smoke token marked it as a test: any other token leaves a real report, told nothing.
 */
export async function intake(
  deps: IntakeDeps,
  request: IntakeRequest,
): Promise<{ receipt: IntakeReceipt; replayed: boolean; held: boolean; test: boolean }> {
  const { body, idempotencyKey: key } = request;
  checkIdempotencyKey(key);
  const { fields, photos, form } = splitBody(body);
  const parsed = parseReportInput(fields, request.lang ?? "en");
  if (!parsed.ok) throw new ValidationError("The report has invalid fields.", parsed.issues);
  const photoTypes = parseReportPhotos(photos);
  const { secret, limits, now = () => new Date() } = deps.admission;
  const at = now();
  const admission = {
    counters: countersFor(
      secret,
      request.source,
      limits,
      at,
      derivePriority(parsed.value.category, parsed.value.happeningNow) === "darurat",
    ),
    trap: trapOf(form, limits),
    secondsLeft: windowOf(limits, at).secondsLeft,
  };
  const test = isSmokeToken(secret, request.smokeToken, at);
  const { receipt, replayed, held } = await submit(deps.reports, parsed.value, {
    ...(key ? { idempotency: { key: `report:${key}`, requestHash: hashRequest(body) } } : {}),
    admission,
    ...(deps.targets ? { targets: deps.targets } : {}),
    ...(test ? { test } : {}),
  });
  const uploads = await openUploads(deps.evidence, receipt, photoTypes);
  // A replay gets a secret of its own: the first answer may never have reached the reporter.
  const reporterSecret = await openReporterAccess(deps.reporter, receipt.id);
  return { receipt: { ...receipt, reporterSecret, uploads }, replayed, held, test };
}
