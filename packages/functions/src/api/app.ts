import type { Alert, Audit, Evidence, Metrics, Officer, Report, Reporter, Stats } from "@lapora/core";
import { sourceKey } from "@lapora/core";
import type { Surface } from "@lapora/core/contract";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { TokenVerifier } from "./auth";
import { requireOfficer, requireOrigin } from "./auth";
import { errorBody, onError } from "./errors";
import { type Log, silentLog } from "./log";
import { noStore } from "./request";
import { adminHandlers } from "./routes/admin";
import { authHandlers } from "./routes/auth";
import { officerHandlers } from "./routes/officer";
import { publicHandlers } from "./routes/public";
import { register } from "./routes/register";

/** What the API needs from the outside world, built by one composition root (../deps.ts). */
export interface ApiDeps {
  reports: Report.ReportStore;
  /** Reports held for SPKT's review. */
  quarantine: Report.QuarantineStore;
  officers: Officer.OfficerStore;
  audit: Audit.AuditStore;
  directory: Officer.IdentityDirectory;
  signIn: Officer.SignInProvider;
  signInThrottle: Officer.SignInThrottle;
  verifyToken: TokenVerifier;
  stats: Stats.StatsStore;
  files: Stats.OpenDataStore;
  /** Officers' SMS subscriptions, kept in step with every roster change. */
  alerts: Alert.AlertSubscriptions;
  /** Officers' push devices, and the stage's push settings (allowed push services, VAPID public key). */
  pushDevices: Alert.PushDeviceStore;
  push: Alert.PushSettings;
  /** Officers' acknowledgements of reports. */
  acks: Alert.AckStore;
  /** Photo evidence: upload capabilities and slots (DynamoDB), and the evidence bucket. */
  evidence: Evidence.EvidenceDeps;
  /** Limits by source and bot traps for new reports, with the stage's secret of source keys. */
  admission: Report.IntakeDeps["admission"];
  /** What is the reporter's: the hashes of their secrets, and the thread with the officers. */
  reporter: Reporter.ReporterStore;
  /** The stage's service targets (core's defaults when absent). */
  targets?: Report.ServiceTargets;
  /** Where reports received are counted: EMF in Lambda (../metrics.ts); nowhere when absent. */
  metrics?: Metrics.Metrics;
}

export type AppEnv = {
  /** The source key of the request (an HMAC of the client's address), for limits by source. */
  Variables: { deps: ApiDeps; requestId: string; log: Log; source: string };
};
export type OfficerEnv = AppEnv & { Variables: { officer: Officer.Officer } };

const afterNoStore = createMiddleware(async (c, next) => {
  await next();
  noStore(c);
});

export interface AppOptions {
  /** Serve only this surface's routes (one function each in AWS); all of them when unset. */
  surface?: Surface;
  /**
   * The secret CloudFront adds to every request it forwards (`X-Lapora-Origin`): with it set, a request
   * that did not come through CloudFront (the raw execute-api address) is refused before anything runs.
   */
  originSecret?: string;
  /**
   * The client's address for this request: the TCP peer locally, the first X-Forwarded-For entry behind
   * CloudFront. The app keeps only its source key (an HMAC, core/abuse/source.ts), never the address.
   */
  sourceOf?: (c: Context<AppEnv>) => string | undefined;
}

/** The Hono app behind `/api`: the contract's routes (core/contract), with its storage injected. */
export function createApp(deps: ApiDeps, log: Log = silentLog, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  if (options.originSecret) app.use(requireOrigin(options.originSecret));
  app.use(secureHeaders({ crossOriginResourcePolicy: "same-origin" }));
  const { secret } = deps.admission;
  app.use(async (c, next) => {
    c.set("deps", deps);
    c.set("log", log);
    c.set("source", sourceKey(secret, options.sourceOf?.(c)));
    await next();
  });
  for (const area of ["/api/auth/*", "/api/officer/*", "/api/admin/*"]) app.use(area, afterNoStore);
  for (const area of ["/api/officer/*", "/api/admin/*"]) app.use(area, requireOfficer as MiddlewareHandler);
  return register(
    app,
    { ...publicHandlers, ...authHandlers, ...officerHandlers, ...adminHandlers },
    options.surface,
  )
    .notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}.`), 404))
    .onError(onError);
}

/** The API app. */
export type App = ReturnType<typeof createApp>;
