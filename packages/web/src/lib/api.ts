// The one API client of the public site and the console: every call to our own origin goes through
// call(), which turns each answer into one of a few outcomes a page can tell apart.

import type { FieldDetail } from "@lapora/core/contract";

export type { FieldDetail };

/** What went wrong, as a page tells it apart; `failed` is everything else (5xx, no answer). */
export type ErrorKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "failed";

const KINDS: Record<number, ErrorKind> = {
  400: "invalid",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
};

/**
 * Every answer in one shape: `ok` with the body, or an error kind with the HTTP status (0 when none came
 * back), the API's safe message and field details when it sent them, and Retry-After in seconds.
 */
export type ApiResult<T> =
  | { kind: "ok"; status: number; data: T }
  | {
      kind: ErrorKind;
      status: number;
      message: string;
      details: FieldDetail[];
      /** Seconds; 60 when the answer did not say (`retryAfterSent` false). */
      retryAfter: number;
      retryAfterSent: boolean;
    };

/** A bearer token for the request, and what to do when the server answers 401 to it. */
export interface Auth {
  token(): string | undefined;
  /** Called on a 401 (not for a request the page had already given up on). */
  onUnauthorized?(path: string): void;
}

export interface CallOptions {
  /** A JSON body: a value to serialise, or `json` when it is already serialised (sent byte for byte). */
  body?: unknown;
  json?: string;
  headers?: Record<string, string>;
  auth?: Auth;
  signal?: AbortSignal;
}

const isDetail = (d: unknown): d is FieldDetail =>
  typeof d === "object" &&
  d !== null &&
  typeof (d as FieldDetail).field === "string" &&
  typeof (d as FieldDetail).code === "string";

/**
 * Calls the API. Never throws: a dropped connection or an unreadable answer is `failed`. An error's body
 * is read for the API's `{ error, message, details? }` shape; any other body leaves them empty.
 */
export async function call<T>(
  method: "GET" | "POST" | "DELETE",
  path: string,
  options: CallOptions = {},
): Promise<ApiResult<T>> {
  const { auth, signal } = options;
  const json = options.json ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const token = auth?.token();
  const headers: Record<string, string> = { Accept: "application/json" };
  if (json !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  const error = {
    status: 0,
    message: "",
    details: [] as FieldDetail[],
    retryAfter: 60,
    retryAfterSent: false,
  };
  try {
    const res = await fetch(path, {
      method,
      body: json,
      signal,
      headers: { ...headers, ...options.headers },
    });
    error.status = res.status;
    if (res.ok) return { kind: "ok", status: res.status, data: (await res.json()) as T };
    const kind = KINDS[res.status] ?? "failed";
    if (kind === "unauthorized" && !signal?.aborted) auth?.onUnauthorized?.(path);
    const retryAfter = Number(res.headers.get("Retry-After"));
    error.retryAfterSent = retryAfter > 0;
    error.retryAfter = retryAfter || 60;
    // Object(): a body that is not JSON, or JSON null, reads as {}.
    const body: { message?: unknown; details?: unknown } = Object(await res.json().catch(() => undefined));
    if (typeof body.message === "string") error.message = body.message;
    if (Array.isArray(body.details)) error.details = body.details.filter(isDetail);
    return { kind, ...error };
  } catch {
    return { kind: "failed", ...error };
  }
}
