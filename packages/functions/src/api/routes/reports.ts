import { Evidence, Idempotency, Report, ValidationError } from "@lapora/core";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app";
import { errorBody } from "../errors";
import { langOf, readJson } from "../request";

const MAX_BODY_BYTES = 64 * 1024;

/** The report fields, and apart from them `photos` (the type of each photo to upload). */
function splitPhotos(body: unknown): { fields: unknown; photos: unknown } {
  if (!body || typeof body !== "object" || Array.isArray(body) || !("photos" in body)) {
    return { fields: body, photos: undefined };
  }
  const { photos, ...fields } = body as Record<string, unknown>;
  return { fields, photos };
}

/**
 * `POST /api/reports` and `GET /api/reports/track/{code}`. A new report's answer (and each idempotent
 * replay of it) carries `uploads`: the upload capability, shown only here, and a form per photo.
 */
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
      const { fields, photos } = splitPhotos(body);
      const parsed = Report.parseReportInput(fields, langOf(c));
      if (!parsed.ok) throw new ValidationError("The report has invalid fields.", parsed.issues);
      const photoTypes = Evidence.parseReportPhotos(photos);
      const { receipt, replayed } = await Report.submit(c.var.deps.reports, parsed.value, {
        ...(key ? { idempotency: { key: `report:${key}`, requestHash: Idempotency.hashRequest(body) } } : {}),
      });
      const uploads = await Evidence.openUploads(c.var.deps.evidence, receipt, photoTypes);
      c.header("Cache-Control", "no-store");
      if (replayed) c.header("Idempotent-Replayed", "true");
      return c.json({ ...receipt, uploads }, 201);
    },
  )
  .get("/track/:code", async (c) => {
    const { reports, evidence } = c.var.deps;
    const view = await Report.track(reports, c.req.param("code"), (id) =>
      Evidence.countPhotos(evidence.store, id),
    );
    c.header("Cache-Control", "no-store");
    return c.json(view);
  });
