import { Evidence } from "@lapora/core";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app";
import { errorBody } from "../errors";
import { readJson } from "../request";

/**
 * `POST /api/reports/{id}/evidence`: more upload forms (a retry, or more photos, 5 in all) for whoever
 * holds the report's upload capability, sent as `Authorization: Bearer {token}`. The tracking code is
 * not a capability: knowing it lets you read the public view, never upload.
 */
export const evidence = new Hono<AppEnv>().post(
  "/:id/evidence",
  bodyLimit({
    maxSize: 4 * 1024,
    onError: (c) => c.json(errorBody("payload_too_large", "A photo request may be at most 4 KB."), 413),
  }),
  async (c) => {
    const token = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(c.req.header("Authorization") ?? "")?.[1] ?? "";
    const request = Evidence.parsePhotoRequest(await readJson(c));
    const result = await Evidence.requestForms(c.var.deps.evidence, c.req.param("id"), token, request);
    c.header("Cache-Control", "no-store");
    return c.json(result);
  },
);
