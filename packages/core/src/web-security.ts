/**
 * The Content-Security-Policy every page of the web app is served with: in AWS by the CloudFront
 * response-headers policy (stacks/Web.ts), locally by packages/local. No inline script is allowed, so
 * text a reporter typed can never run even if it reached the page as HTML.
 *
 * `uploadOrigins` are where the browser talks to S3 directly: it posts photos there (connect-src) and
 * officers' pages show display copies from there by presigned URL (img-src). In AWS that is the evidence
 * bucket's regional endpoint, locally s3rver's origin. Nothing else is added.
 */
export function contentSecurityPolicy(options: { uploadOrigins?: readonly string[] } = {}): string {
  const s3 = (options.uploadOrigins ?? []).map((o) => ` ${o}`).join("");
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${s3}`,
    `connect-src 'self'${s3}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The header CloudFront adds to every request it forwards to the API, with the stage's origin secret. */
export const ORIGIN_HEADER = "X-Lapora-Origin";

/**
 * The header the API reads the client's address from behind CloudFront: a CloudFront function sets it to
 * the viewer's address, replacing anything the viewer sent (X-Forwarded-For starts with whatever it sent).
 */
export const CLIENT_HEADER = "x-lapora-client";
