import { afterEach, describe, expect, it, vi } from "vitest";
import { outcomeOf, type Progress, sendReport } from "./submit";

const RECEIPT = {
  id: "r-1",
  trackingCode: "LPR-2PNG-FTHH-38GG-1",
  status: "diterima" as const,
  priority: "sedang" as const,
  createdAt: "2026-11-20T03:04:05.000Z",
};
const failed = (status: number) => ({
  kind: "failed" as const,
  status,
  message: "",
  details: [],
  retryAfter: 60,
  retryAfterSent: false,
});

describe("what one attempt's answer means", () => {
  it("is a report created only for a 201 with its receipt", () => {
    expect(outcomeOf({ kind: "ok", status: 201, data: RECEIPT })).toEqual({
      kind: "created",
      receipt: RECEIPT,
    });
    expect(outcomeOf({ kind: "ok", status: 200, data: RECEIPT })).toEqual({ kind: "failed" });
  });

  it("retries when the answer is unclear: no answer, a broken receipt, 408, 429 without Retry-After or 5xx", () => {
    expect(outcomeOf(failed(0))).toBe("retry");
    expect(outcomeOf(failed(201))).toBe("retry");
    expect(
      outcomeOf({ kind: "ok", status: 201, data: { ...RECEIPT, trackingCode: undefined as never } }),
    ).toBe("retry");
    for (const status of [408, 500, 502, 503, 504]) expect(outcomeOf(failed(status))).toBe("retry");
    expect(outcomeOf({ ...failed(429), kind: "rate_limited" })).toBe("retry");
  });

  it("stops on a 429 with Retry-After: the source is past its limit, so the resident is told when", () => {
    expect(
      outcomeOf({ ...failed(429), kind: "rate_limited", retryAfter: 1800, retryAfterSent: true }),
    ).toEqual({
      kind: "limited",
      retryAfterSeconds: 1800,
    });
  });

  it("stops on a refusal: the fields for a 400, the key's earlier body for a 409, else failed", () => {
    const details = [{ field: "desa", code: "desa.invalid", message: "" }];
    expect(outcomeOf({ ...failed(400), kind: "invalid", details })).toEqual({ kind: "invalid", details });
    expect(outcomeOf({ ...failed(409), kind: "conflict" })).toEqual({ kind: "conflict" });
    expect(outcomeOf({ ...failed(403), kind: "forbidden" })).toEqual({ kind: "failed" });
    expect(outcomeOf(failed(413))).toEqual({ kind: "failed" });
  });
});

describe("sending a report", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("retries with the same bytes and key, saying so, until the server answers", async () => {
    vi.useFakeTimers();
    const sent: { body: unknown; key: unknown }[] = [];
    const answers = [
      new TypeError("offline"),
      new Response("", { status: 503 }),
      Response.json(RECEIPT, { status: 201 }),
    ];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        sent.push({ body: init.body, key: (init.headers as Record<string, string>)["Idempotency-Key"] });
        const next = answers.shift();
        if (next instanceof Error) throw next;
        return next;
      }),
    );
    const progress: Progress[] = [];
    const result = sendReport('{"category":"pencurian"}', "key-1", "id", (p) => progress.push(p));
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ kind: "created", receipt: RECEIPT });
    expect(sent).toEqual(Array(3).fill({ body: '{"category":"pencurian"}', key: "key-1" }));
    expect(progress).toEqual([
      { phase: "sending" },
      { phase: "retrying", attempt: 2, total: 4 },
      { phase: "retrying", attempt: 3, total: 4 },
    ]);
  });

  it("gives up after four attempts, and never retries a refusal", async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => new Response("", { status: 500 }));
    vi.stubGlobal("fetch", fetch);
    const result = sendReport("{}", "key-2", "en", () => {});
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ kind: "failed" });
    expect(fetch).toHaveBeenCalledTimes(4);

    fetch.mockImplementation(async () => Response.json({ details: [] }, { status: 400 }));
    fetch.mockClear();
    await expect(sendReport("{}", "key-3", "en", () => {})).resolves.toEqual({
      kind: "invalid",
      details: [],
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
