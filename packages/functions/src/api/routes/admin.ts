import { Officer } from "@lapora/core";
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
    return c.json(
      await Officer.Roster.add(c.var.deps.officers, c.var.deps.directory, c.var.officer, input),
      201,
    );
  })
  .patch("/officers/:nrp", async (c) => {
    const input = Officer.Roster.parseUpdate(await readJson(c));
    const { officers, directory } = c.var.deps;
    return c.json(await Officer.Roster.update(officers, directory, c.var.officer, c.req.param("nrp"), input));
  })
  .post("/officers/:nrp/deactivate", async (c) => {
    const body = VersionBody.safeParse(await readJson(c));
    if (!body.success) throw Officer.Roster.invalid(body.error);
    const { officers, directory } = c.var.deps;
    return c.json(
      await Officer.Roster.deactivate(
        officers,
        directory,
        c.var.officer,
        c.req.param("nrp"),
        body.data.version,
      ),
    );
  })
  .get("/officers/:nrp/audit", async (c) =>
    c.json({ items: await c.var.deps.audit.list(`officer:${c.req.param("nrp")}`) }),
  );
