import { DEVICE_HEADER, type Lang } from "@lapora/core/browser";
import type { AnswerOf } from "@lapora/core/contract";
import type { UploadGrant } from "../form/photo-upload";
import { type ApiResult, call, type FieldDetail } from "./api";
import { deviceToken } from "./device";

/** The receipt, and the upload capability with a form per photo (absent from an older API). */
export type Receipt = Omit<AnswerOf<"submitReport", 201>, "uploads" | "reporterSecret"> & {
  uploads?: UploadGrant;
  reporterSecret?: string;
};

export type SubmitResult =
  | { kind: "created"; receipt: Receipt }
  | { kind: "invalid"; details: FieldDetail[] }
  | { kind: "conflict" }
  /** Too many reports from this network or phone: try again after `retryAfterSeconds`. */
  | { kind: "limited"; retryAfterSeconds: number }
  | { kind: "failed" };

export type Progress =
  | { phase: "sending" }
  | { phase: "slow" }
  | { phase: "retrying"; attempt: number; total: number };

// Waits before the 2nd, 3rd and 4th attempt. Every attempt carries the same key and the same bytes,
// so the server stores the report once however many of them arrive.
const RETRY_DELAYS_MS = [1_000, 3_000, 8_000];
const ATTEMPT_TIMEOUT_MS = 30_000; // a 2 KB body on a weak 2G/3G link can take this long
const SLOW_AFTER_MS = 6_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh Idempotency-Key: 32 hex characters from the browser's CSPRNG (works without HTTPS too). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// No clear answer: offline, dropped, timed out (0), a 201 whose receipt did not arrive whole, 408, a 429
// without Retry-After (API Gateway's shared throttle) or 5xx. The report may or may not have arrived;
// sending the same bytes with the same key settles it.
const unclear = (status: number) =>
  status === 0 || status === 201 || status === 408 || status === 429 || status >= 500;

/** What one attempt's answer means: a result, or "retry". */
export function outcomeOf(res: ApiResult<Receipt>): SubmitResult | "retry" {
  if (res.kind === "ok" && res.status === 201 && typeof res.data?.trackingCode === "string")
    return { kind: "created", receipt: res.data };
  if (res.kind === "invalid") return { kind: "invalid", details: res.details };
  if (res.kind === "conflict") return { kind: "conflict" };
  // A 429 with Retry-After (the API's limit by source, or the WAF's) is clear: retrying before then only
  // gets 429 again, so the resident is told when instead.
  if (res.kind === "rate_limited" && res.retryAfterSent)
    return { kind: "limited", retryAfterSeconds: res.retryAfter };
  return unclear(res.status) ? "retry" : { kind: "failed" };
}

async function attempt(body: string, key: string, lang: Lang, onProgress: (p: Progress) => void) {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
  const slow = setTimeout(() => onProgress({ phase: "slow" }), SLOW_AFTER_MS);
  try {
    const res = await call<Receipt>("POST", "/api/reports", {
      json: body,
      headers: { "Idempotency-Key": key, "Accept-Language": lang, [DEVICE_HEADER]: deviceToken() },
      signal: controller.signal,
    });
    return outcomeOf(res);
  } finally {
    clearTimeout(timeout);
    clearTimeout(slow);
  }
}

/**
 * Sends a report body (already serialised, so every retry is byte-identical) under one Idempotency-Key,
 * retrying network failures and server errors with growing waits.
 */
export async function sendReport(
  body: string,
  key: string,
  lang: Lang,
  onProgress: (p: Progress) => void,
): Promise<SubmitResult> {
  const total = RETRY_DELAYS_MS.length + 1;
  onProgress({ phase: "sending" });
  for (let n = 1; n <= total; n++) {
    if (n > 1) {
      onProgress({ phase: "retrying", attempt: n, total });
      await sleep(RETRY_DELAYS_MS[n - 2] ?? 0);
    }
    const result = await attempt(body, key, lang, onProgress);
    if (result !== "retry") return result;
  }
  return { kind: "failed" };
}
