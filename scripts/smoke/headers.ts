/**
 * The security headers the smoke test expects: on the site, what CloudFront's response-headers policy adds
 * (stacks/Web.ts; the local runtime adds the same, packages/local/src/server.ts), with the CSP of
 * packages/core/src/web-security.ts; on the API, what the Hono app adds itself (secureHeaders).
 */
import { contentSecurityPolicy } from "@lapora/core/infra";

/** A header and what it must say; `check` returns what is wrong, or nothing. */
export interface HeaderRule {
  name: string;
  want: string;
  /** Only over https: HSTS means nothing to a browser on plain http. */
  httpsOnly?: boolean;
  check(value: string): string | undefined;
}

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name = "", ...sources]) => [name.toLowerCase(), sources] as const),
  );

/**
 * Every directive of core's policy, each with at least its sources (the site adds the evidence bucket's
 * origin to img-src and connect-src, and its inline stylesheet's hash to style-src), and nothing unsafe.
 */
function cspProblem(value: string): string | undefined {
  const served = directives(value);
  for (const [name, sources] of directives(contentSecurityPolicy())) {
    const got = served.get(name);
    if (!got) return `has no ${name}`;
    const missing = sources.filter((s) => !got.includes(s));
    if (missing.length > 0) return `${name} lacks ${missing.join(" ")}`;
  }
  // The form's stylesheet is inlined into its page and allowed by hash (dist/csp.json): without one, the
  // form would show unstyled.
  if (!served.get("style-src")?.some((s) => s.startsWith("'sha256-")))
    return "style-src allows no stylesheet hash";
  const unsafe = value.match(/'unsafe-[a-z-]+'/);
  return unsafe ? `allows ${unsafe[0]}` : undefined;
}

const MIN_HSTS_SECONDS = 180 * 24 * 3600;
const exactly = (want: string) => (value: string) =>
  value.trim().toLowerCase() === want.toLowerCase() ? undefined : `is "${value}"`;

const hsts: HeaderRule = {
  name: "Strict-Transport-Security",
  want: `max-age of at least ${MIN_HSTS_SECONDS} (180 days)`,
  httpsOnly: true,
  check: (value) => {
    const age = Number(/max-age=(\d+)/i.exec(value)?.[1] ?? 0);
    return age >= MIN_HSTS_SECONDS ? undefined : `is "${value}"`;
  },
};
const nosniff: HeaderRule = { name: "X-Content-Type-Options", want: "nosniff", check: exactly("nosniff") };
const noReferrer: HeaderRule = {
  name: "Referrer-Policy",
  want: "no-referrer",
  check: exactly("no-referrer"),
};

/** Every page of the site (CloudFront's response-headers policy). */
export const SITE_HEADERS: HeaderRule[] = [
  { name: "Content-Security-Policy", want: "the policy of core/web-security.ts", check: cspProblem },
  hsts,
  nosniff,
  noReferrer,
  { name: "X-Frame-Options", want: "DENY", check: exactly("DENY") },
];

/** Every API answer (the Hono app's own secureHeaders, behind CloudFront as locally). */
export const API_HEADERS: HeaderRule[] = [
  hsts,
  nosniff,
  noReferrer,
  {
    name: "X-Frame-Options",
    want: "DENY or SAMEORIGIN",
    check: (v) => (/^(deny|sameorigin)$/i.test(v.trim()) ? undefined : `is "${v}"`),
  },
];

/** What is wrong with a response's headers, one phrase per header; empty when all is well. */
export function headerProblems(headers: Headers, rules: readonly HeaderRule[], https: boolean): string[] {
  return rules
    .filter((rule) => https || !rule.httpsOnly)
    .flatMap((rule) => {
      const value = headers.get(rule.name);
      if (value === null) return [`${rule.name} is missing (want ${rule.want})`];
      const problem = rule.check(value);
      return problem ? [`${rule.name} ${problem} (want ${rule.want})`] : [];
    });
}

/** The names a check covered, for its line: `HSTS` is left out over http. */
export const checkedNames = (rules: readonly HeaderRule[], https: boolean) =>
  rules.filter((rule) => https || !rule.httpsOnly).map((rule) => rule.name);
