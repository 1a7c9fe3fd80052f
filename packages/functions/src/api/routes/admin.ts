import { Alert, Officer, parseOrThrow } from "@lapora/core";
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../app";
import { requireOfficer, requireRole } from "../auth";
import { readJson } from "../request";

type Env = AppEnv & { Variables: { officer: Officer.Officer } };
const VersionBody = z.strictObject({ version: z.number().check(z.int(), z.positive()) });

/** `/api/admin/*`: the roster, for admins only. Every change is audited. */
export const admin = new Hono<Env>()
  .use(requireOfficer, requireRole("admin"))
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .get("/officers", async (c) => c.json({ items: await c.var.deps.officers.list() }))
  .post("/officers", async (c) => {
    const input = Officer.Roster.parseInput(await readJson(c));
    const added = await Officer.Roster.add(c.var.deps.officers, c.var.deps.directory, c.var.officer, input);
    await Alert.syncAfterRosterChange(c.var.deps.alerts, added.officer);
    return c.json(added, 201);
  })
  .patch("/officers/:nrp", async (c) => {
    const input = Officer.Roster.parseUpdate(await readJson(c));
    const { officers, directory, alerts } = c.var.deps;
    const updated = await Officer.Roster.update(
      officers,
      directory,
      c.var.officer,
      c.req.param("nrp"),
      input,
    );
    await Alert.syncAfterRosterChange(alerts, updated);
    return c.json(updated);
  })
  .post("/officers/:nrp/deactivate", async (c) => {
    const { version } = parseOrThrow(VersionBody, await readJson(c));
    const { officers, directory, alerts } = c.var.deps;
    const nrp = c.req.param("nrp");
    const deactivated = await Officer.Roster.deactivate(officers, directory, c.var.officer, nrp, version);
    await Alert.syncAfterRosterChange(alerts, deactivated);
    return c.json(deactivated);
  })
  .get("/officers/:nrp/audit", async (c) =>
    c.json({ items: await c.var.deps.audit.list(`officer:${c.req.param("nrp")}`) }),
  );
