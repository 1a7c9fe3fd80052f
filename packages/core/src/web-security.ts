import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The Content-Security-Policy every page of the web app is served with: in AWS by the CloudFront
 * response-headers policy (stacks/Web.ts), locally by packages/local. No inline script is allowed, so
 * text a reporter typed can never run even if it reached the page as HTML.
 *
 * `uploadOrigins` are where the browser talks to S3 directly: it posts photos there (connect-src) and
 * officers' pages show display copies from there by presigned URL (img-src). In AWS that is the evidence
 * bucket's regional endpoint, locally s3rver's origin. `styleHashes` are the hashes of the build's own
 * inline stylesheets (the form's styles, inlined into index.html so a slow link paints the form after
 * one round trip: `webStyleHashes`); each allows that exact text and nothing else. Nothing else is added.
 */
export function contentSecurityPolicy(
  options: { uploadOrigins?: readonly string[]; styleHashes?: readonly string[] } = {},
): string {
  const s3 = (options.uploadOrigins ?? []).map((o) => ` ${o}`).join("");
  const styles = (options.styleHashes ?? []).map((h) => ` '${h}'`).join("");
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${styles}`,
    `img-src 'self' data: blob:${s3}`,
    `connect-src 'self'${s3}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The file the web build writes beside its pages: the CSP hashes of their inline stylesheets. */
export const WEB_CSP_FILE = "csp.json";

/** The CSP source for an inline stylesheet's exact text: `sha256-` and its base64 SHA-256. */
export function styleHash(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

/**
 * The style hashes a web build (its `dist/` directory) wrote into `csp.json`. An empty list when there is
 * no build there; with `required`, a missing or empty file is an error (a deploy must never send a CSP
 * that blocks the page's own styles).
 */
export function webStyleHashes(dist: string, options: { required?: boolean } = {}): string[] {
  const file = join(dist, WEB_CSP_FILE);
  if (!existsSync(file)) {
    if (options.required) throw new Error(`${file} is missing: build the web app first (npm run build:web)`);
    return [];
  }
  const { styleHashes } = JSON.parse(readFileSync(file, "utf8")) as { styleHashes?: unknown };
  const hashes = Array.isArray(styleHashes)
    ? styleHashes.filter((h) => /^sha256-[A-Za-z0-9+/]+=*$/.test(String(h)))
    : [];
  if (options.required && hashes.length === 0) throw new Error(`${file} names no style hash`);
  return hashes as string[];
}

/** The header CloudFront adds to every request it forwards to the API, with the stage's origin secret. */
export const ORIGIN_HEADER = "X-Lapora-Origin";

/**
 * The header the API reads the client's address from behind CloudFront: a CloudFront function sets it to
 * the viewer's address, replacing anything the viewer sent (X-Forwarded-For starts with whatever it sent).
 */
export const CLIENT_HEADER = "x-lapora-client";
