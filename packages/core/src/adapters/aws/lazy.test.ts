import { describe, expect, it } from "vitest";
import { lazyPort } from "./lazy";

interface Counter {
  add(n: number): Promise<number>;
  total(): Promise<number>;
}

function counter(): Counter {
  let sum = 0;
  return {
    async add(n) {
      sum += n;
      return sum;
    },
    async total() {
      return sum;
    },
  };
}

describe("lazyPort", () => {
  it("builds the adapter on the first call, once, even for calls made together", async () => {
    let builds = 0;
    const port = lazyPort(async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 5));
      return counter();
    });
    expect(builds).toBe(0);
    await Promise.all([port.add(1), port.add(2), port.add(3)]);
    expect(await port.total()).toBe(6);
    expect(builds).toBe(1);
  });

  it("passes the adapter's errors through and retries a failed build on the next call", async () => {
    let attempt = 0;
    const port = lazyPort(async () => {
      attempt++;
      if (attempt === 1) throw new Error("module failed to load");
      return counter();
    });
    await expect(port.add(1)).rejects.toThrow("module failed to load");
    expect(await port.add(5)).toBe(5);
    const failing = lazyPort<Counter>(() => ({
      add: async () => Promise.reject(new Error("ConditionalCheckFailed")),
      total: async () => 0,
    }));
    await expect(failing.add(1)).rejects.toThrow("ConditionalCheckFailed");
  });

  it("is not a thenable, so awaiting the port itself does not build or call anything", async () => {
    let builds = 0;
    const port = lazyPort(() => {
      builds++;
      return counter();
    });
    expect(await port).toBe(port);
    expect(builds).toBe(0);
  });
});
