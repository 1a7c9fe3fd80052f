import { existsSync, statSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { firstForwarded } from "@lapora/core";
import { contentSecurityPolicy, WEB_CSP_FILE, webPageFor, webStyleHashes } from "@lapora/core/infra";
import { type ApiDeps, type AppOptions, createApp } from "@lapora/functions/api/app";
import { createLogger } from "@lapora/functions/lambda";
import { Hono } from "hono";
import { compress } from "hono/compress";
import type { PhoneInbox } from "./alerts/phone-inbox";
import { listInboxes, renderSmsPage } from "./alerts/sms-page";
import type { SmsInbox } from "./alerts/sms-queues";
import type { LocalIssuer } from "./auth/issuer";
import { addTotpPage } from "./auth/totp-page";
import { pushPage } from "./push/push-page";
import type { LocalPushService } from "./push/push-service";

/**
 * The client's address on one machine: the first X-Forwarded-For entry when the runtime trusts a proxy
 * (LAPORA_TRUST_PROXY=1, as CloudFront passes it, so tests and benches play many sources), else the TCP peer.
 */
export function localSourceOf(trustProxy = false): NonNullable<AppOptions["sourceOf"]> {
  return trustProxy
    ? (c) => firstForwarded(c.req.header("X-Forwarded-For"))
    : (c) => (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress;
}

/**
 * One app on one port: the same Hono API the Lambda runs, plus the built web app with the same
 * security headers CloudFront adds in AWS. Unknown non-API paths get index.html (client routing).
 * With `dev.smsInbox`, `/dev/sms` (and `/dev/sms.json`) show every officer's SMS, with `dev.push`,
 * `/dev/push` (and `/dev/push.json`) their push notifications, with `dev.totp`, `/dev/totp` (and
 * `/dev/totp.json`) their current sign-in codes: local only, never in Lambda.
 */
export function createLocalApp(
  deps: ApiDeps,
  webDist: string,
  issuer: Pick<LocalIssuer, "jwks">,
  dev: {
    smsInbox?: SmsInbox;
    /** Reporters' SMS updates (the local phone network), listed on `/dev/sms` too. */
    phones?: PhoneInbox;
    /** The local push service: `/dev/push` (and `/dev/push.json`) show each officer's notifications. */
    push?: LocalPushService;
    /** Each officer's local TOTP secret: `/dev/totp` (and `/dev/totp.json`) show their current codes. */
    totp?: { secretOf(nrp: string): Promise<string | undefined> };
    /** The API app to serve; tests pass theirs with every answer checked against the contract. */
    api?: { fetch(request: Request, env?: unknown): Response | Promise<Response> };
    /** The client is the first X-Forwarded-For address (LAPORA_TRUST_PROXY=1), else the TCP peer. */
    trustProxy?: boolean;
    /**
     * Where each API request's access line goes (`npm start`: the console): the fields of the HTTP API's
     * access log in AWS (stacks/api-access-log.ts), so never the client's address, headers or body.
     */
    accessLog?: (line: string) => void;
  } = {},
) {
  const api =
    dev.api ?? createApp(deps, createLogger("api-local"), { sourceOf: localSourceOf(dev.trustProxy) });
  // Photos go from the browser straight to s3rver, as they go to S3 in AWS.
  // With the hashes of the build's inline stylesheets (dist/csp.json), read again after a rebuild.
  let cspFor: { mtimeMs: number; csp: string } | undefined;
  const cspNow = () => {
    const file = join(webDist, WEB_CSP_FILE);
    const mtimeMs = existsSync(file) ? statSync(file).mtimeMs : 0;
    if (cspFor?.mtimeMs !== mtimeMs) {
      const styleHashes = webStyleHashes(webDist);
      cspFor = {
        mtimeMs,
        csp: contentSecurityPolicy({ uploadOrigins: [deps.evidence.files.origin], styleHashes }),
      };
    }
    return cspFor.csp;
  };
  const root = relative(process.cwd(), webDist) || ".";
  const app = new Hono();
  // CloudFront compresses in AWS; without this a phone on 3G would get three times the bytes locally.
  app.use("*", compress());
  app.use("*", async (c, next) => {
    await next();
    if (!c.req.path.startsWith("/api/")) {
      c.header("Content-Security-Policy", cspNow());
      c.header("X-Content-Type-Options", "nosniff");
      c.header("Referrer-Policy", "no-referrer");
      c.header("X-Frame-Options", "DENY");
    }
  });
  if (dev.accessLog) {
    const write = dev.accessLog;
    app.use("/api/*", async (c, next) => {
      const started = performance.now();
      await next();
      write(
        JSON.stringify({
          requestTime: new Date().toISOString(),
          httpMethod: c.req.method,
          path: c.req.path,
          status: c.res.status,
          responseLatency: Math.round(performance.now() - started),
        }),
      );
    });
  }
  // Handing /api/* to the API app whole keeps its own JSON 404 and error handler, exactly as in Lambda.
  app.all("/api/*", (c) => api.fetch(c.req.raw, c.env));
  // The local issuer's keys, where Cognito publishes a user pool's: {issuer}/.well-known/jwks.json.
  app.get("/auth/.well-known/jwks.json", (c) => c.json(issuer.jwks));
  const { smsInbox } = dev;
  if (smsInbox) {
    const reporters = () => dev.phones?.messages() ?? [];
    app.get("/dev/sms.json", async (c) =>
      c.json({ officers: await listInboxes(deps.officers, smsInbox), reporters: reporters() }),
    );
    app.get("/dev/sms", async (c) =>
      c.html(renderSmsPage(await listInboxes(deps.officers, smsInbox), reporters())),
    );
  }
  const { push } = dev;
  if (push) {
    const groups = async () =>
      Promise.all(
        (await deps.officers.list()).map(async ({ nrp, name, role }) => {
          const devices = (await deps.pushDevices.list(nrp)).map(({ label, endpoint }) => ({
            label,
            endpoint,
          }));
          const mine = new Set(devices.map((d) => d.endpoint));
          return { nrp, name, role, devices, messages: push.received().filter((m) => mine.has(m.endpoint)) };
        }),
      );
    app.get("/dev/push.json", async (c) => c.json({ service: push.url, officers: await groups() }));
    app.get("/dev/push", async (c) => c.html(pushPage(await groups())));
  }
  const { totp } = dev;
  if (totp) addTotpPage(app, deps.officers, (nrp) => totp.secretOf(nrp));
  if (existsSync(webDist)) {
    app.use("/*", serveStatic({ root }));
    // A page of the app gets the HTML file core's webPageFor names, as CloudFront's function does: the
    // prerendered form at /, the app shell for its other pages, the officers' console under /konsol.
    app.get("*", (c, next) => {
      const page = webPageFor(c.req.path);
      return page ? serveStatic({ root, path: page.slice(1) })(c, next) : next();
    });
  }
  return app;
}
