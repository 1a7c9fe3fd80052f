/**
 * The OpenAPI 3.1 document of the API, generated from the contract (routes.ts). OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, which is what zod writes. Loaded only by `GET /api/openapi.json`.
 */

import type * as z from "zod/mini";
import { toJSONSchema } from "zod/v4/core";
import { type RouteSpec, routes } from "./routes";
import { ErrorBody } from "./schemas";

type Json = Record<string, unknown>;

const REASON: Record<number, string> = {
  400: "A field is invalid: `details` names each one.",
  401: "No valid officer token. Behind API Gateway's JWT authorizer the body may be its own `{ message }`.",
  403: "Not allowed for this caller.",
  404: "Not found.",
  409: "Conflicts with stored state (a stale version, a reused Idempotency-Key).",
  413: "The body is too large.",
  415: "Send Content-Type: application/json.",
  429: "Too many attempts: see Retry-After. API Gateway's own throttle answers `{ message }`.",
  503: "Busy: try again (Retry-After).",
};

function schemaOf(schema: z.ZodMiniType, io: "input" | "output"): Json {
  const { $schema: _, ...rest } = toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as Json;
  return rest;
}

/** API Gateway's own body, when its JWT authorizer or its throttle answers before the app does. */
const GatewayError = { type: "object", properties: { message: { type: "string" } }, required: ["message"] };

/** One error answer per status, shared by every route that may give it. */
function errorResponse(status: number): Json {
  const own = { schema: { $ref: "#/components/schemas/ErrorBody" } };
  const either = { schema: { oneOf: [{ $ref: "#/components/schemas/ErrorBody" }, GatewayError] } };
  return {
    description: REASON[status] ?? "Something went wrong on our side.",
    content: { "application/json": status === 401 || status === 429 ? either : own },
  };
}

function operation(key: string, spec: RouteSpec): Json {
  const parameters: Json[] = [];
  for (const [name, description] of Object.entries(spec.params ?? {})) {
    parameters.push({ name, in: "path", required: true, description, schema: { type: "string" } });
  }
  if (spec.query) {
    const q = schemaOf(spec.query, "input") as { properties?: Json; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema });
    }
  }
  for (const [name, h] of Object.entries(spec.headers ?? {})) {
    parameters.push({ name, in: "header", ...h, schema: { type: "string" } });
  }
  const responses: Json = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    responses[status] = {
      description: answer.description,
      content: answer.schema
        ? { "application/json": { schema: schemaOf(answer.schema, "output") } }
        : Object.fromEntries((answer.contentTypes ?? []).map((t) => [t, { schema: { type: "string" } }])),
    };
  }
  for (const status of [...spec.errors, 500]) {
    responses[String(status)] = { $ref: `#/components/responses/E${status}` };
  }
  return {
    operationId: key,
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.auth
      ? { security: [{ [spec.auth === "officer" ? "officerToken" : "uploadCapability"]: [] }] }
      : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: schemaOf(spec.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** The whole document. */
export function openApiDocument(serverUrl = "/"): Json {
  const paths: Record<string, Json> = {};
  for (const [key, spec] of Object.entries(routes) as [string, RouteSpec][]) {
    paths[spec.path] = { ...(paths[spec.path] ?? {}), [spec.method]: operation(key, spec) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Lapora API",
      version: "1",
      description:
        "Public incident reporting for Polres Musi Banyuasin. Every error the app answers has one shape, ErrorBody.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { ErrorBody: schemaOf(ErrorBody, "output") },
      responses: Object.fromEntries(
        [...new Set([...Object.values(routes).flatMap((r: RouteSpec) => r.errors), 500])]
          .sort()
          .map((status) => [`E${status}`, errorResponse(status)]),
      ),
      securitySchemes: {
        officerToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "An officer's ID token.",
        },
        uploadCapability: {
          type: "http",
          scheme: "bearer",
          description: "The upload capability of POST /api/reports.",
        },
      },
    },
  };
}
