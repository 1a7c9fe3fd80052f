import { Idempotency, Report, ValidationError } from "@lapora/core";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app";
import { errorBody } from "../errors";
import { langOf, readJson } from "../request";

const MAX_BODY_BYTES = 64 * 1024;

/** `POST /api/reports` and `GET /api/reports/track/{code}`. */
export const reports = new Hono<AppEnv>()
  .post(
    "/",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody("payload_too_large", "A report body may be at most 64 KB."), 413),
    }),
    async (c) => {
      const key = c.req.header("Idempotency-Key");
      if (key !== undefined && !Idempotency.IDEMPOTENCY_KEY_PATTERN.test(key)) {
        const message = "Idempotency-Key must be 8 to 128 letters, digits or -_.: characters.";
        throw new ValidationError(message, [
          { field: "Idempotency-Key", code: "idempotencyKey.invalid", message },
        ]);
      }
      const body = await readJson(c);
      const parsed = Report.parseReportInput(body, langOf(c));
      if (!parsed.ok) throw new ValidationError("The report has invalid fields.", parsed.issues);
      const { receipt, replayed } = await Report.submit(c.var.deps.reports, parsed.value, {
        ...(key ? { idempotency: { key: `report:${key}`, requestHash: Idempotency.hashRequest(body) } } : {}),
      });
      c.header("Cache-Control", "no-store");
      if (replayed) c.header("Idempotent-Replayed", "true");
      return c.json(receipt, 201);
    },
  )
  .get("/track/:code", async (c) => {
    const view = await Report.track(c.var.deps.reports, c.req.param("code"));
    c.header("Cache-Control", "no-store");
    return c.json(view);
  });
