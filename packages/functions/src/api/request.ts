import { ValidationError } from "@lapora/core/errors";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";

/** The language for messages: Indonesian when the client prefers it, else English. */
export function langOf(c: Context): "id" | "en" {
  const first = c.req.header("Accept-Language")?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("id") ? "id" : "en";
}

/** Reads a JSON body, refusing other content types (415) and unreadable JSON (400). */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HTTPException(415, { message: "Send the report as Content-Type: application/json." });
  }
  try {
    return JSON.parse(await c.req.text());
  } catch (cause) {
    const message = "The body is not valid JSON.";
    throw new ValidationError(message, [{ field: "body", code: "invalid_json", message }], { cause });
  }
}
