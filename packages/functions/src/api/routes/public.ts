import { DEVICE_HEADER, Evidence, Region, Report, Reporter, Stats } from "@lapora/core";
import type { Context } from "hono";
import type { AppEnv } from "../app";
import { bearerToken, langOf, noStore, readJson } from "../request";
import type { PublicHandlers } from "./register";

const regionsBody = JSON.stringify({
  regency: Region.REGENCY,
  kecamatan: Region.listKecamatan().map((k) => ({
    code: k.code,
    name: k.name,
    desa: k.desa.map((d) => ({ code: d.code, name: d.name })),
  })),
});

/** The OpenAPI document (scripts/gen-openapi.ts), loaded on the first request for it: not in the cold start. */
let openapi: Promise<string> | undefined;
const openApiText = () =>
  (openapi ??= import("@lapora/core/contract/openapi.json", { with: { type: "json" } }).then((m) =>
    JSON.stringify(m.default),
  ));

/** The reporter's claim to a report: the code in the path, the secret in its header, the source key. */
const claimOf = (c: Context<AppEnv>): Reporter.ReporterClaim => ({
  code: c.req.param("code") ?? "",
  secret: c.req.header(Reporter.REPORTER_SECRET_HEADER),
  source: c.var.source,
});
const reporterDeps = (c: Context<AppEnv>) => ({ ...c.var.deps, attempts: c.var.deps.signInThrottle });

/** The public door: the form, tracking, photos, statistics and the contract itself. No sign-in. */
export const publicHandlers: PublicHandlers<
  | "health"
  | "openapi"
  | "regions"
  | "submitReport"
  | "trackReport"
  | "reporterView"
  | "reporterReply"
  | "reporterSay"
  | "reporterEraseContact"
  | "reporterPhotoForms"
  | "requestPhotoForms"
  | "statsWeeks"
  | "statsWeek"
  | "statsFile"
> = {
  health: (c) => c.json({ status: "ok" }),
  openapi: async (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(await openApiText(), 200, { "Content-Type": "application/json; charset=utf-8" });
  },
  // Changes only with a release.
  regions: (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(regionsBody, 200, { "Content-Type": "application/json; charset=utf-8" });
  },
  // The answer (and each idempotent replay of it) carries the upload capability, shown only here.
  submitReport: async (c) => {
    const { receipt, replayed, held, test } = await Report.intake(c.var.deps, {
      body: await readJson(c),
      idempotencyKey: c.req.header("Idempotency-Key"),
      lang: langOf(c),
      source: { source: c.var.source, deviceToken: c.req.header(DEVICE_HEADER) },
      smokeToken: c.req.header(Report.SMOKE_HEADER),
    });
    // Priority and outcome only: nothing of the reporter (core/metrics.ts). A smoke test counts nowhere.
    if (!replayed && !test) {
      const outcome = held ? "held" : "accepted";
      c.var.deps.metrics?.count("ReportsReceived", { priority: receipt.priority, outcome });
    }
    noStore(c);
    if (replayed) c.header("Idempotent-Replayed", "true");
    return c.json(receipt, 201);
  },
  trackReport: async (c) => {
    const { reports, evidence } = c.var.deps;
    const view = await Report.track(reports, c.req.param("code") ?? "", (id) =>
      Evidence.countPhotos(evidence.store, id),
    );
    noStore(c);
    return c.json(view);
  },
  // Code plus secret: the reporter's own view, their answers in the thread, and photos added later.
  reporterView: async (c) => {
    const view = await Reporter.reporterView(reporterDeps(c), claimOf(c));
    noStore(c);
    return c.json(view);
  },
  reporterReply: async (c) => {
    const body = await readJson(c);
    const view = await Reporter.reporterReply(reporterDeps(c), claimOf(c), body);
    noStore(c);
    return c.json(view, 201);
  },
  reporterSay: async (c) => {
    const body = await readJson(c);
    const view = await Reporter.reporterSay(reporterDeps(c), claimOf(c), body);
    noStore(c);
    return c.json(view);
  },
  reporterEraseContact: async (c) => {
    const view = await Reporter.reporterEraseContact(reporterDeps(c), claimOf(c));
    noStore(c);
    return c.json(view);
  },
  reporterPhotoForms: async (c) => {
    const body = await readJson(c);
    const forms = await Reporter.reporterPhotoForms(reporterDeps(c), claimOf(c), body);
    noStore(c);
    return c.json(forms);
  },
  // The tracking code is not a capability: knowing it lets you read the public view, never upload.
  requestPhotoForms: async (c) => {
    const request = Evidence.parsePhotoRequest(await readJson(c));
    const { evidence } = c.var.deps;
    const result = await Evidence.requestForms(evidence, c.req.param("id") ?? "", bearerToken(c), request);
    noStore(c);
    return c.json(result);
  },
  // Cacheable: the figures change weekly.
  statsWeeks: async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json({ weeks: await c.var.deps.stats.listWeeks() });
  },
  statsWeek: async (c) => {
    const figures = await Stats.getPublic(c.var.deps.stats, c.req.param("week") ?? "");
    c.header("Cache-Control", "public, max-age=3600");
    return c.json(figures);
  },
  statsFile: async (c) => {
    const file = await Stats.getOpenDataFile(c.var.deps.files, c.req.param("file") ?? "");
    c.header("Cache-Control", "public, max-age=3600");
    c.header("Content-Disposition", `attachment; filename="${file.downloadName}"`);
    return c.body(file.body, 200, { "Content-Type": file.contentType });
  },
};
