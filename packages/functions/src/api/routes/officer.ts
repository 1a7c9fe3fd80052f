import { Evidence, NotFoundError, Officer, parseOrThrow, Report, Stats } from "@lapora/core";
import { Hono } from "hono";
import type { AppEnv } from "../app";
import { requireOfficer, requireRole } from "../auth";
import { readJson } from "../request";

type Env = AppEnv & { Variables: { officer: Officer.Officer } };

/** `/api/officer/*`: the triage console's API. Every route needs a signed-in, active officer. */
export const officer = new Hono<Env>()
  .use(requireOfficer)
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .get("/me", (c) => c.json({ officer: c.var.officer, actions: Officer.actionsOf(c.var.officer) }))
  .get("/reports", async (c) => {
    const params = parseOrThrow(Report.QueueParams, c.req.query());
    return c.json(await Report.listQueue(c.var.deps, c.var.officer, params));
  })
  .get("/reports/:id", async (c) =>
    c.json(await Report.getDetail(c.var.deps, c.var.officer, c.req.param("id"))),
  )
  // Photos: short-lived links to display copies (no EXIF, no GPS) for whoever may read the report; an
  // original only for SPKT and admin, audited (POST: every download is a recorded act).
  .get("/reports/:id/evidence", async (c) =>
    c.json(await Evidence.listForOfficer(c.var.deps, c.var.officer, c.req.param("id"))),
  )
  .post("/reports/:id/evidence/:slot/original", async (c) => {
    const slot = Number(c.req.param("slot"));
    if (!Number.isInteger(slot)) throw new NotFoundError("This report has no such photo.");
    return c.json(await Evidence.originalForOfficer(c.var.deps, c.var.officer, c.req.param("id"), slot));
  })
  .get("/reports/:id/audit", async (c) =>
    c.json({ items: await Report.auditTrail(c.var.deps, c.var.officer, c.req.param("id")) }),
  )
  .post("/reports/:id/actions", async (c) => {
    const cmd = parseOrThrow(Report.TriageCommand, await readJson(c));
    return c.json(await Report.act(c.var.deps, c.var.officer, c.req.param("id"), cmd));
  })
  .get("/stats/weekly/:week", requireRole("pimpinan", "spkt"), async (c) =>
    c.json(await Stats.getFull(c.var.deps.stats, c.req.param("week"))),
  )
  .get("/reports/:id/assignees", async (c) =>
    c.json({ items: await Report.assignableOfficers(c.var.deps, c.var.officer, c.req.param("id")) }),
  );
