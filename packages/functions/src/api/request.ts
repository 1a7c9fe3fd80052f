import { parseOrThrow, ValidationError } from "@lapora/core";
import type { RouteSpec } from "@lapora/core/contract";
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

type Schema<S> = S extends { body: infer B } ? B : never;

/** The route's JSON body, parsed with the contract's schema (400 naming each bad field). */
export async function bodyOf<S extends RouteSpec & { body: NonNullable<RouteSpec["body"]> }>(
  c: Context,
  spec: S,
) {
  return parseOrThrow(spec.body as Schema<S>, await readJson(c));
}

/** The route's query string, parsed with the contract's schema. */
export function queryOf<S extends RouteSpec & { query: NonNullable<RouteSpec["query"]> }>(
  c: Context,
  spec: S,
) {
  return parseOrThrow(spec.query as S["query"], c.req.query());
}

/** The token of an `Authorization: Bearer …` header, or "" when there is none. */
export function bearerToken(c: Context): string {
  return /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(c.req.header("Authorization") ?? "")?.[1] ?? "";
}

/** Cache-Control for answers that must never be stored (anything about a person or a session). */
export const noStore = (c: Context) => c.header("Cache-Control", "no-store");
