import * as z from "zod/mini";
import { ValidationError } from "../errors";
import { DEVICE_HEADER, DEVICE_TOKEN_PATTERN, type HoldReason } from "./form";
import { FormMeta } from "./form-meta";
import { deviceKey } from "./source";

/**
 * How many reports one source may send per window before they are held for review (soft) and before
 * they are refused with 429 (hard). An address is shared by a whole village behind a carrier's NAT, so
 * its limits are generous; the device token the web app keeps is the finer key. Every stage may tune them
 * (functions/src/config.ts reads REPORT_LIMITS).
 */
export interface ReportLimits {
  windowSeconds: number;
  address: { soft: number; hard: number };
  device: { soft: number; hard: number };
  /**
   * darurat reports per address before they are held: a darurat report's SMS go out whatever the budget,
   * so this is what keeps a flood copying the web app (a fresh device each time) from sending dozens of
   * SMS an hour. Held darurat reports reach SPKT as one summary per 15 minutes, never silently lost.
   */
  daruratPerAddress: number;
  /** A form sent sooner than this after it was opened is a bot's: held for review. */
  minFillSeconds: number;
}

export const REPORT_LIMITS: ReportLimits = {
  windowSeconds: 3600,
  address: { soft: 60, hard: 240 },
  device: { soft: 4, hard: 12 },
  daruratPerAddress: 3,
  minFillSeconds: 4,
};

const Limit = z
  .object({ soft: z.number().check(z.int(), z.positive()), hard: z.number().check(z.int(), z.positive()) })
  .check(z.refine((l) => l.hard >= l.soft, "hard must be at least soft"));
const Limits = z.object({
  windowSeconds: z.number().check(z.int(), z.minimum(60), z.maximum(86_400)),
  address: Limit,
  device: Limit,
  daruratPerAddress: z.number().check(z.int(), z.positive()),
  minFillSeconds: z.number().check(z.minimum(0), z.maximum(600)),
});

/** The stage's limits from a JSON override of some fields (REPORT_LIMITS), checked at cold start. */
export function parseReportLimits(json: string | undefined): ReportLimits {
  if (!json) return REPORT_LIMITS;
  const given = JSON.parse(json) as Partial<ReportLimits>;
  return Limits.parse({
    ...REPORT_LIMITS,
    ...given,
    address: { ...REPORT_LIMITS.address, ...given.address },
    device: { ...REPORT_LIMITS.device, ...given.device },
  });
}

/** The bot trap a report's form metadata falls into, if any. A missing `form` is a script's, not the app's. */
export function trapOf(form: unknown, limits: Pick<ReportLimits, "minFillSeconds">): HoldReason | null {
  if (form === undefined) return "no-form";
  const parsed = FormMeta.safeParse(form);
  if (!parsed.success) {
    const message = "form must be an object with website (text) and fillSeconds (a number).";
    throw new ValidationError(message, [{ field: "form", code: "form.invalid", message }]);
  }
  if (parsed.data.website) return "honeypot";
  if ((parsed.data.fillSeconds ?? 0) < limits.minFillSeconds) return "fill-time";
  return null;
}

/** One per-source counter a new report takes a unit of: the store adds one unless it is at `limit`. */
export interface SourceCounter {
  kind: "address" | "device";
  key: string;
  /** The count after which this attempt is refused (soft for a report that would alert, hard for a held one). */
  soft: number;
  hard: number;
  /** Epoch seconds: the counter goes by TTL after its window. */
  expiresAt: number;
}

/** Where a report comes from, as keys: never an address or a raw device token. */
export interface ReportSource {
  /** abuse/source.ts sourceKey of the client address. */
  source: string;
  /** The Lapora-Device header, if sent. */
  deviceToken?: string | undefined;
}

/** The window a moment falls in, and the seconds until it ends (the 429's Retry-After). */
export function windowOf(limits: ReportLimits, at: Date): { index: number; secondsLeft: number } {
  const seconds = Math.floor(at.getTime() / 1000);
  const index = Math.floor(seconds / limits.windowSeconds);
  return { index, secondsLeft: Math.max(1, (index + 1) * limits.windowSeconds - seconds) };
}

/**
 * The counters a report from `from` takes: the address's, its darurat count for a darurat report, and,
 * with a device token, the device's, each keyed by an HMAC (rotated daily) and the window. A malformed
 * device token is bad input.
 */
export function countersFor(
  secret: string,
  from: ReportSource,
  limits: ReportLimits,
  at: Date,
  darurat = false,
): SourceCounter[] {
  const { index } = windowOf(limits, at);
  const expiresAt = (index + 2) * limits.windowSeconds;
  const counters: SourceCounter[] = [
    { kind: "address", key: `address#${from.source}#${index}`, ...limits.address, expiresAt },
  ];
  // A darurat report also takes its address's darurat counter: past it, held (as past the address's soft
  // limit), and refused only at the address's hard limit.
  if (darurat) {
    const key = `darurat#${from.source}#${index}`;
    counters.push({
      kind: "address",
      key,
      soft: limits.daruratPerAddress,
      hard: limits.address.hard,
      expiresAt,
    });
  }
  if (from.deviceToken !== undefined) {
    if (!DEVICE_TOKEN_PATTERN.test(from.deviceToken)) {
      const message = "Lapora-Device must be 16 to 64 letters, digits, - or _.";
      throw new ValidationError(message, [{ field: DEVICE_HEADER, code: "device.invalid", message }]);
    }
    const key = `device#${deviceKey(secret, from.deviceToken, at)}#${index}`;
    counters.push({ kind: "device", key, ...limits.device, expiresAt });
  }
  return counters;
}

/** A counter as the store takes it: add one unless the count has reached `limit`. */
export interface CounterTake {
  kind: SourceCounter["kind"];
  key: string;
  limit: number;
  expiresAt: number;
}

/** The counters with their soft limits (a report that would alert) or their hard ones (a held report). */
export function takesOf(counters: readonly SourceCounter[], level: "soft" | "hard"): CounterTake[] {
  return counters.map(({ kind, key, expiresAt, ...limits }) => ({
    kind,
    key,
    limit: limits[level],
    expiresAt,
  }));
}
