import { DEVICE_TOKEN_PATTERN } from "@lapora/core/browser";
import { readJson, writeJson } from "./storage";

const DEVICE_KEY = "lapora.device.v1";

/**
 * This phone's random device token, sent with each report (`Lapora-Device`) so the limits by source can
 * tell the phones behind one carrier address apart. It says nothing about the person: 128 random bits,
 * made here once. Without storage it is made afresh for each page load.
 */
export function deviceToken(): string {
  const kept = readJson(DEVICE_KEY);
  if (typeof kept === "string" && DEVICE_TOKEN_PATTERN.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const token = btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
  writeJson(DEVICE_KEY, token);
  return token;
}
