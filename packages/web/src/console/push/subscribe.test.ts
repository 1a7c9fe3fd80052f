import { afterEach, describe, expect, it, vi } from "vitest";
import { keyBytes, SUBSCRIBE_TIMEOUT_MS, SubscribeError, withTimeout } from "./subscribe";

describe("the VAPID key for subscribe()", () => {
  it("decodes base64url without padding to the 65 bytes of an uncompressed P-256 key", () => {
    const raw = new Uint8Array(65).map((_, i) => (i * 37 + 4) % 256);
    raw[0] = 4;
    const encoded = Buffer.from(raw).toString("base64url");
    expect(encoded).not.toMatch(/[+/=]/);
    expect([...keyBytes(encoded)]).toEqual([...raw]);
    expect(keyBytes(encoded).buffer).toBeInstanceOf(ArrayBuffer);
  });
});

describe("a subscribe() that may never settle", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives up after 15 s with a timeout the page can name", async () => {
    vi.useFakeTimers();
    const never = new Promise<never>(() => {});
    const result = withTimeout(never, SUBSCRIBE_TIMEOUT_MS).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(SUBSCRIBE_TIMEOUT_MS - 1);
    let settled = false;
    void result.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await result;
    expect(error).toBeInstanceOf(SubscribeError);
    expect((error as SubscribeError).reason).toBe("timeout");
  });

  it("passes on the answer, or the refusal, that comes in time", async () => {
    await expect(withTimeout(Promise.resolve("sub"), 1000)).resolves.toBe("sub");
    const refusal = new DOMException("Registration failed - permission denied", "AbortError");
    await expect(withTimeout(Promise.reject(refusal), 1000)).rejects.toBe(refusal);
  });
});
