import { serve } from "@hono/node-server";
import { freePort } from "@lapora/local/emulators/ports";
import { localSourceOf } from "@lapora/local/server";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";

// The local server's idea of the client, over a real TCP connection: the peer, unless the runtime was
// started with LAPORA_TRUST_PROXY=1, when it is the first X-Forwarded-For address (as CloudFront passes it).

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

async function addressSeen(trustProxy: boolean, forwardedFor: string) {
  const app = new Hono();
  const sourceOf = localSourceOf(trustProxy);
  app.get("/", (c) => c.text(sourceOf(c as never) ?? "none"));
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  close = () => new Promise<void>((r) => server.close(() => r()));
  await new Promise<void>((r) => server.once("listening", () => r()));
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": forwardedFor } });
  return res.text();
}

describe("the client's address locally", () => {
  it("is the TCP peer by default: a client cannot pick its own address with X-Forwarded-For", async () => {
    expect(await addressSeen(false, "203.0.113.7")).toBe("127.0.0.1");
  });

  it("is the first X-Forwarded-For address with LAPORA_TRUST_PROXY=1", async () => {
    expect(await addressSeen(true, "203.0.113.7, 130.176.0.1")).toBe("203.0.113.7");
  });
});
