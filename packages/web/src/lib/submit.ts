import type { Lang } from "@lapora/core/report/messages";
import { errorDetails, type FieldDetail, type Receipt } from "./api";

export type SubmitResult =
  | { kind: "created"; receipt: Receipt }
  | { kind: "invalid"; details: FieldDetail[] }
  | { kind: "conflict" }
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

async function attempt(body: string, key: string, lang: Lang, onProgress: (p: Progress) => void) {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
  const slow = setTimeout(() => onProgress({ phase: "slow" }), SLOW_AFTER_MS);
  try {
    const res = await fetch("/api/reports", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": key, "Accept-Language": lang },
      body,
      signal: controller.signal,
    });
    if (res.status === 201) {
      const receipt = (await res.json()) as Receipt;
      if (typeof receipt.trackingCode !== "string") return "retry";
      return { kind: "created", receipt } as const;
    }
    if (res.status === 400) return { kind: "invalid", details: await errorDetails(res) } as const;
    if (res.status === 409) return { kind: "conflict" } as const;
    if (res.status === 408 || res.status === 429 || res.status >= 500) return "retry";
    return { kind: "failed" } as const;
  } catch {
    return "retry"; // offline, connection dropped, or timed out: the report may or may not have arrived
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
