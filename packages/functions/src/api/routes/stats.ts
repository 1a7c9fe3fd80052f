import { Stats } from "@lapora/core";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app";

const FILE = /^(\d{4}-W\d{2})\.(json|csv)$/;

/** `/api/stats/*`: the public weekly figures and their open-data files. Cacheable: they change weekly. */
export const stats = new Hono<AppEnv>()
  .get("/weeks", async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json({ weeks: await c.var.deps.stats.listWeeks() });
  })
  .get("/weekly/:week", async (c) => {
    const figures = await Stats.getPublic(c.var.deps.stats, c.req.param("week"));
    c.header("Cache-Control", "public, max-age=3600");
    return c.json(figures);
  })
  .get("/files/:file", async (c) => {
    const m = FILE.exec(c.req.param("file"));
    if (!m) throw new HTTPException(404, { message: "Files are named like 2026-W47.json or 2026-W47.csv." });
    const body = await c.var.deps.files.get(`stats/${c.req.param("file")}`);
    if (body === undefined) throw new HTTPException(404, { message: `No open data for ${m[1]}.` });
    c.header("Cache-Control", "public, max-age=3600");
    c.header("Content-Disposition", `attachment; filename="lapora-${c.req.param("file")}"`);
    return c.body(body, 200, {
      "Content-Type": m[2] === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    });
  });
