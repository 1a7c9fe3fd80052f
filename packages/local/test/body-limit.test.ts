import { Agent, request as httpRequest } from "node:http";
import { startTestServer, validReport } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** One POST on a keep-alive agent with a single socket, as a phone's browser reuses its connection. */
function post(agent: Agent, body: string): Promise<number | string> {
  const url = new URL("/api/reports", server.url);
  const headers = { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) };
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: "POST", agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    req.end(body);
  });
}

describe("a body over the limit, on the local server", () => {
  it("gets 413, and the client's next request goes through instead of meeting a reset connection", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // Large enough that the server answers before it has read the body (the bug needed that).
      const huge = JSON.stringify(validReport({ description: "x".repeat(300 * 1024) }));
      for (let round = 0; round < 2; round++) {
        expect(await post(agent, huge)).toBe(413);
        expect(await post(agent, JSON.stringify(validReport()))).toBe(201);
      }
    } finally {
      agent.destroy();
    }
  });
});
