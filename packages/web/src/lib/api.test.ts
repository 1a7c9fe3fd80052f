import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "./api";

// A stand-in for the network (this is a Node test): it records each request and answers as told.
function answer(...responses: (Response | Error)[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      const next = responses.shift() ?? new Error("no answer left");
      if (next instanceof Error) throw next;
      return next;
    }),
  );
  return requests;
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

afterEach(() => vi.unstubAllGlobals());

describe("call()", () => {
  it("gives the body of a 2xx, asking for JSON", async () => {
    const requests = answer(json(200, { weeks: ["2026-W47"] }));
    await expect(call("GET", "/api/stats/weeks")).resolves.toEqual({
      kind: "ok",
      status: 200,
      data: { weeks: ["2026-W47"] },
    });
    expect(requests[0]?.init.headers).toEqual({ Accept: "application/json" });
    expect(requests[0]?.init.body).toBeUndefined();
  });

  it("sends a value as JSON, or already serialised bytes exactly as given, with extra headers", async () => {
    const requests = answer(json(201, {}), json(201, {}));
    await call("POST", "/api/auth/login", { body: { nrp: "12345678" } });
    await call("POST", "/api/reports", { json: '{"a":1 }', headers: { "Idempotency-Key": "k" } });
    expect(requests.map((r) => r.init.body)).toEqual(['{"nrp":"12345678"}', '{"a":1 }']);
    expect(requests[1]?.init.headers).toEqual({
      Accept: "application/json",
      "Content-Type": "application/json",
      "Idempotency-Key": "k",
    });
  });

  it("sends the bearer token it is given, and none without one", async () => {
    const requests = answer(json(200, {}), json(200, {}));
    await call("GET", "/api/officer/me", { auth: { token: () => "t0k" } });
    await call("GET", "/api/officer/me", { auth: { token: () => undefined } });
    expect(requests[0]?.init.headers).toHaveProperty("Authorization", "Bearer t0k");
    expect(requests[1]?.init.headers).not.toHaveProperty("Authorization");
  });

  it("tells each refusal apart, with the API's message and well-formed field details", async () => {
    answer(
      json(400, {
        error: "ValidationError",
        message: "Invalid report.",
        details: [{ field: "desa", code: "desa.invalid", message: "Choose a desa." }, { field: 3 }, null],
      }),
      json(403, { message: "Outside your area." }),
      json(404, {}),
      json(409, { message: "Changed meanwhile." }),
      json(429, {}, { "Retry-After": "120" }),
      new Response("<html>Bad gateway</html>", { status: 502 }),
    );
    const invalid = await call("POST", "/api/reports", { body: {} });
    expect(invalid).toMatchObject({ kind: "invalid", status: 400, message: "Invalid report." });
    expect(invalid.kind === "invalid" && invalid.details).toEqual([
      { field: "desa", code: "desa.invalid", message: "Choose a desa." },
    ]);
    await expect(call("GET", "/x")).resolves.toMatchObject({
      kind: "forbidden",
      message: "Outside your area.",
    });
    await expect(call("GET", "/x")).resolves.toMatchObject({ kind: "not_found", status: 404 });
    await expect(call("GET", "/x")).resolves.toMatchObject({
      kind: "conflict",
      message: "Changed meanwhile.",
    });
    await expect(call("GET", "/x")).resolves.toMatchObject({ kind: "rate_limited", retryAfter: 120 });
    await expect(call("GET", "/x")).resolves.toMatchObject({ kind: "failed", status: 502, message: "" });
  });

  it("reports a 401 to the auth that sent the token, unless the page had given up on the request", async () => {
    answer(json(401, {}), json(401, {}));
    const onUnauthorized = vi.fn();
    const auth = { token: () => "old", onUnauthorized };
    await expect(call("GET", "/api/officer/me", { auth })).resolves.toMatchObject({ kind: "unauthorized" });
    expect(onUnauthorized).toHaveBeenCalledWith("/api/officer/me");
    const controller = new AbortController();
    controller.abort();
    await call("GET", "/api/officer/reports", { auth, signal: controller.signal });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("never throws: no answer is failed with status 0, an unreadable 2xx is failed with its status", async () => {
    answer(new TypeError("Failed to fetch"), new Response("not json", { status: 201 }));
    await expect(call("GET", "/x")).resolves.toMatchObject({ kind: "failed", status: 0 });
    await expect(call("POST", "/api/reports", { json: "{}" })).resolves.toMatchObject({
      kind: "failed",
      status: 201,
    });
  });
});
