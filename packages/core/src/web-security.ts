/**
 * The Content-Security-Policy every page of the web app is served with: in AWS by the CloudFront
 * response-headers policy (stacks/Web.ts), locally by packages/local. No inline script is allowed, so
 * text a reporter typed can never run even if it reached the page as HTML.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
