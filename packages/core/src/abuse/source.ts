import { createHmac } from "node:crypto";
import { wibDay } from "../time";

/**
 * Where a request comes from, as Lapora may keep it: an HMAC of the client's address under a per-stage
 * secret, rotated every WIB day (the day's key is derived from the secret), so no raw address is ever
 * stored or logged, and yesterday's keys cannot be linked to today's. IPv6 addresses count by their /64
 * (one subscriber's prefix), so a phone cannot dodge a limit by walking its own prefix.
 */
export function sourceKey(secret: string, address: string | undefined, at = new Date()): string {
  const day = createHmac("sha256", secret)
    .update(`lapora-source:${wibDay(at)}`)
    .digest();
  return createHmac("sha256", day).update(normalise(address)).digest("base64url").slice(0, 22);
}

/**
 * The key of a device token (the web app's `Lapora-Device`), under the same daily-rotated secret: the
 * token itself is never stored.
 */
export function deviceKey(secret: string, token: string, at = new Date()): string {
  const day = createHmac("sha256", secret)
    .update(`lapora-device:${wibDay(at)}`)
    .digest();
  return createHmac("sha256", day).update(token).digest("base64url").slice(0, 22);
}

function normalise(address: string | undefined): string {
  const a = (address ?? "")
    .trim()
    .toLowerCase()
    .replace(/^::ffff:/, "");
  if (!a) return "unknown";
  if (!a.includes(":")) return a;
  // The first four groups of an IPv6 address, with "::" expanded.
  const [head = "", tail = ""] = a.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = a.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/** The client's address as a trusting proxy (CloudFront) passed it: the first entry of X-Forwarded-For. */
export function firstForwarded(header: string | undefined): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
