import { currentSession, endSession } from "./session";

/** One bad field as the API names it. */
export interface FieldDetail {
  field: string;
  code: string;
  message: string;
}

/** Every answer the console must tell apart; 401 never reaches a page, it ends the session. */
export type ApiResult<T> =
  | { kind: "ok"; data: T }
  | { kind: "forbidden"; message: string }
  | { kind: "not_found" }
  | { kind: "conflict"; message: string }
  | { kind: "invalid"; message: string; details: FieldDetail[] }
  | { kind: "rate_limited"; retryAfter: number }
  | { kind: "unauthorized" }
  | { kind: "failed" };

async function errorBody(res: Response): Promise<{ message: string; details: FieldDetail[] }> {
  try {
    const body = (await res.json()) as { message?: unknown; details?: unknown };
    const details = Array.isArray(body.details)
      ? body.details.filter(
          (d): d is FieldDetail =>
            typeof d === "object" && d !== null && typeof d.field === "string" && typeof d.code === "string",
        )
      : [];
    return { message: typeof body.message === "string" ? body.message : "", details };
  } catch {
    return { message: "", details: [] };
  }
}

/**
 * Calls the API as the signed-in officer (or anonymously for sign-in). A 401 on an officer route ends
 * the session, which sends the console back to the sign-in page.
 */
export async function call<T>(
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  const session = currentSession();
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (session) headers.Authorization = `Bearer ${session.idToken}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch {
    return { kind: "failed" };
  }
  if (res.ok) {
    try {
      return { kind: "ok", data: (await res.json()) as T };
    } catch {
      return { kind: "failed" };
    }
  }
  switch (res.status) {
    case 401:
      if (path.startsWith("/api/officer/") && !signal?.aborted) endSession("expired");
      return { kind: "unauthorized" };
    case 403:
      return { kind: "forbidden", message: (await errorBody(res)).message };
    case 404:
      return { kind: "not_found" };
    case 409:
      return { kind: "conflict", message: (await errorBody(res)).message };
    case 400:
      return { kind: "invalid", ...(await errorBody(res)) };
    case 429:
      return { kind: "rate_limited", retryAfter: Number(res.headers.get("Retry-After")) || 60 };
    default:
      return { kind: "failed" };
  }
}
