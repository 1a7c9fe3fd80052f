import type * as Contract from "@lapora/core/contract";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from "@lapora/core/errors";
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as z from "zod/mini";

/** The one error body of the API (core/contract). `message` is safe to show; `details` names each bad field. */
export type ErrorBody = z.output<typeof Contract.ErrorBody>;

export function errorBody(error: string, message: string, details: ErrorBody["details"] = []): ErrorBody {
  return { error, message, details };
}

const KNOWN: [new (...args: never[]) => Error, ContentfulStatusCode, string][] = [
  [ValidationError, 400, "validation_failed"],
  [UnauthorizedError, 401, "unauthorized"],
  [ForbiddenError, 403, "forbidden"],
  [NotFoundError, 404, "not_found"],
  [ConflictError, 409, "conflict"],
  [RateLimitedError, 429, "too_many_requests"],
  [UnavailableError, 503, "unavailable"],
];

const HTTP_CODES: Record<number, string> = {
  401: "unauthorized",
  403: "forbidden",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "too_many_requests",
};

/** Maps core's typed errors to statuses; anything else is logged with its request id and becomes a bare 500. */
export const onError: ErrorHandler = (err, c) => {
  for (const [type, status, code] of KNOWN) {
    if (err instanceof type) {
      const details = err instanceof ValidationError ? err.details : [];
      if (status === 503) c.header("Retry-After", "2");
      if (err instanceof RateLimitedError) c.header("Retry-After", String(err.retryAfterSeconds));
      return c.json(errorBody(code, err.message, details), status);
    }
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = HTTP_CODES[err.status] ?? "bad_request";
    for (const name of ["WWW-Authenticate", "Retry-After"]) {
      const value = err.res?.headers.get(name);
      if (value) c.header(name, value);
    }
    return c.json(errorBody(code, err.message || "The request could not be read."), err.status);
  }
  // Ids only: the route's report id, where it has one, never anything the reporter wrote.
  const reportId = c.req.path.startsWith("/api/officer/reports/") ? c.req.param("id") : undefined;
  c.get("log")?.error("unhandled error", {
    requestId: c.get("requestId"),
    route: c.req.routePath,
    ...(reportId ? { reportId } : {}),
    error: err,
  });
  return c.json(
    errorBody("internal", `Something went wrong on our side. Reference: ${c.get("requestId") ?? "-"}`),
    500,
  );
};
