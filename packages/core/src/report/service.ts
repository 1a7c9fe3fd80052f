import { randomUUID } from "node:crypto";
import { type SourceCounter, takesOf } from "../abuse/admission";
import type { HoldReason } from "../abuse/form";
import { ConflictError, NotFoundError, RateLimitedError, UnavailableError, ValidationError } from "../errors";
import { IDEMPOTENCY_TTL_SECONDS } from "../idempotency";
import { wibDay } from "../time";
import type { ReportInput } from "./input";
import { derivePriority } from "./priority";
import { type PublicReportView, toPublicView } from "./public-view";
import type { ReportStore } from "./store";
import { dueDates, SERVICE_TARGETS, type ServiceTargets } from "./targets";
import * as TrackingCode from "./tracking-code";
import type { Report, SubmitReceipt } from "./types";

export interface SubmitOptions {
  /** Present when the client sent an Idempotency-Key; with `requestHash` of the raw body. */
  idempotency?: { key: string; requestHash: string };
  /**
   * The source's counters (abuse/admission.ts) and the bot trap the form fell into. Under every soft limit
   * the report alerts as usual; past one, or trapped, it is held for SPKT's review; past a hard limit it
   * is refused with RateLimitedError, whose retry-after is `secondsLeft` (the window's end).
   */
  admission?: { counters: readonly SourceCounter[]; trap: HoldReason | null; secondsLeft: number };
  now?: () => Date;
  /** The stage's service targets, fixed on the report as it arrives. */
  targets?: ServiceTargets;
  /** A smoke test's report (smoke-test.ts): stored with `test: true`, so it alerts and counts nowhere. */
  test?: boolean;
  newId?: () => string;
  newCode?: () => string;
}

const MAX_ATTEMPTS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds a new report in status `diterima` from validated input, with the stage's service targets. */
export function create(
  input: ReportInput,
  at: Date,
  reportId: string,
  trackingCode: string,
  targets: ServiceTargets = SERVICE_TARGETS,
): Report {
  const createdAt = at.toISOString();
  const { location, ...rest } = input;
  const priority = derivePriority(input.category, input.happeningNow);
  return {
    ...rest,
    ...(location ? { location } : {}),
    reportId,
    trackingCode,
    priority,
    status: "diterima",
    version: 1,
    createdAt,
    createdDay: wibDay(at),
    updatedAt: createdAt,
    timeline: [{ at: createdAt, status: "diterima" }],
    ...dueDates(createdAt, priority, targets),
  };
}

/** A source past its soft limit is told its report is checked first; a trapped bot is told nothing. */
const NOTICED: readonly string[] = ["address-limit", "device-limit"] satisfies HoldReason[];

function receiptOf(r: Report): SubmitReceipt {
  return {
    id: r.reportId,
    trackingCode: r.trackingCode,
    status: r.status,
    priority: r.priority,
    createdAt: r.createdAt,
    ...(r.heldReason && NOTICED.includes(r.heldReason) ? { notice: "review" as const } : {}),
  };
}

/**
 * Stores a new report with a unique tracking code. With an idempotency key, a repeat of the same body
 * returns the first receipt (`replayed: true`) and a different body under the same key is a ConflictError.
 * `held` is true when the new report was held for review (a replay stores nothing new: always false).
 */
export async function submit(
  store: ReportStore,
  input: ReportInput,
  options: SubmitOptions = {},
): Promise<{ receipt: SubmitReceipt; replayed: boolean; held: boolean }> {
  const {
    idempotency,
    admission,
    now = () => new Date(),
    newId = randomUUID,
    newCode = () => TrackingCode.generate(),
    targets = SERVICE_TARGETS,
    test = false,
  } = options;
  // The write comes first: the transaction's own condition on the idempotency item says whether the key
  // is taken, so a first submission costs one round trip and only a repeat reads the stored receipt.
  let keyTaken = false;
  let hold: HoldReason | undefined = admission?.trap ?? undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const at = now();
    const nowSeconds = Math.floor(at.getTime() / 1000);
    if (idempotency && keyTaken) {
      const existing = await store.getIdempotency(idempotency.key, nowSeconds);
      if (existing) {
        if (existing.requestHash !== idempotency.requestHash) {
          throw new ConflictError("This Idempotency-Key was already used for a different report.");
        }
        return { receipt: existing.response, replayed: true, held: false };
      }
    }
    const report = create(input, at, newId(), newCode(), targets);
    if (hold) Object.assign(report, { heldReason: hold, heldAt: report.createdAt });
    if (test) report.test = true;
    const receipt = receiptOf(report);
    const outcome = await store.create(
      report,
      idempotency && {
        ...idempotency,
        reportId: report.reportId,
        response: receipt,
        createdAt: report.createdAt,
        expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS,
      },
      admission && {
        counters: takesOf(admission.counters, hold ? "hard" : "soft"),
        ...(hold ? { hold } : {}),
      },
    );
    if (outcome === "created") return { receipt, replayed: false, held: hold !== undefined };
    if (outcome === "limit_address" || outcome === "limit_device") {
      if (hold) {
        const wait = admission?.secondsLeft ?? 60;
        throw new RateLimitedError(`Too many reports from this source. Try again in ${wait} seconds.`, wait);
      }
      // Past a soft limit: the same report again, held for review, under the hard limits.
      hold = outcome === "limit_device" ? "device-limit" : "address-limit";
      continue;
    }
    keyTaken = outcome === "idempotency_taken";
    // A racing request with the same key won, or (rarely) the code was taken, or DynamoDB saw two
    // transactions touch one item at once: back off with jitter and look again.
    if (outcome === "conflict") await sleep(5 + Math.random() * 20 * (attempt + 1));
  }
  throw new UnavailableError("The report could not be stored right now. Please try again.");
}

/**
 * The public view of the report with this tracking code, as typed by a person. `countPhotos` gives the
 * number of photos received (the evidence store); without it the view says 0.
 */
export async function track(
  store: ReportStore,
  code: string,
  countPhotos?: (reportId: string) => Promise<number>,
): Promise<PublicReportView> {
  const parsed = TrackingCode.parse(code);
  if (!parsed.ok) {
    const message =
      parsed.reason === "checksum"
        ? "This tracking code has a typo: check each character."
        : "A tracking code looks like LPR-XXXX-XXXX-XXXX-X.";
    throw new ValidationError(message, [
      { field: "trackingCode", code: `trackingCode.${parsed.reason}`, message },
    ]);
  }
  const report = await store.getByTrackingCode(parsed.code);
  if (!report) throw new NotFoundError("No report has this tracking code.");
  return toPublicView(report, countPhotos ? await countPhotos(report.reportId) : 0);
}
