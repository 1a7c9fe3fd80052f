/**
 * The device token the web app keeps and sends with each report (`Lapora-Device` header): random, 16 to
 * 64 URL-safe characters. It is the finer key of the limits by source (admission.ts): many phones share
 * one carrier address. The server keeps only an HMAC of it.
 */
export const DEVICE_HEADER = "Lapora-Device";
export const DEVICE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Why a report is held for SPKT's review instead of alerting: a bot trap, or its source's soft limit. */
export const HOLD_REASONS = ["honeypot", "fill-time", "no-form", "address-limit", "device-limit"] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];
/** What SPKT decided about a held report that was not released: it stays out of every queue. */
export const DISCARDED = "discarded" as const;
