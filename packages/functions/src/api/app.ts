import type { Alert, Audit, Evidence, Officer, Report, Stats } from "@lapora/core";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { TokenVerifier } from "./auth";
import { errorBody, onError } from "./errors";
import { admin } from "./routes/admin";
import { auth } from "./routes/auth";
import { evidence } from "./routes/evidence";
import { officer } from "./routes/officer";
import { regions } from "./routes/regions";
import { reports } from "./routes/reports";
import { stats } from "./routes/stats";

/** What the API needs from the outside world; the Lambda handler and the local runtime each build one. */
export interface ApiDeps {
  reports: Report.ReportStore;
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
  /** Photo evidence: upload capabilities and slots (DynamoDB), and the evidence bucket. */
  evidence: Evidence.EvidenceDeps;
}

export type AppEnv = { Variables: { deps: ApiDeps; requestId: string } };

/** The Hono app behind `/api`, with its storage injected. */
export function createApp(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .use(requestId())
    .use(secureHeaders({ crossOriginResourcePolicy: "same-origin" }))
    .use(async (c, next) => {
      c.set("deps", deps);
      await next();
    })
    .get("/api/health", (c) => c.json({ status: "ok" }))
    .route("/api/regions", regions)
    .route("/api/reports", reports)
    .route("/api/reports", evidence)
    .route("/api/stats", stats)
    .route("/api/auth", auth)
    .route("/api/officer", officer)
    .route("/api/admin", admin)
    .notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}.`), 404))
    .onError(onError);
}
