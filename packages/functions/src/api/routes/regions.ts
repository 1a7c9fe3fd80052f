import { Region } from "@lapora/core";
import { Hono } from "hono";

const body = JSON.stringify({
  regency: Region.REGENCY,
  kecamatan: Region.listKecamatan().map((k) => ({
    code: k.code,
    name: k.name,
    desa: k.desa.map((d) => ({ code: d.code, name: d.name })),
  })),
});

/** `GET /api/regions`: the 15 kecamatan of Musi Banyuasin with their desa. Changes only with a release. */
export const regions = new Hono().get("/", (c) => {
  c.header("Cache-Control", "public, max-age=3600");
  return c.body(body, 200, { "Content-Type": "application/json; charset=utf-8" });
});
