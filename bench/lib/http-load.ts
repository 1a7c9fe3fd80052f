/**
 * Runs autocannon in its own process, so the load generator never shares an event loop with the server
 * under test. Options come as JSON in argv[2]; the autocannon result goes to stdout as one JSON line.
 * Every request carries a fresh Idempotency-Key (setupRequest runs once per request) and comes from a
 * random client address (X-Forwarded-For, read by a runtime with LAPORA_TRUST_PROXY's behaviour): a
 * district's reports come from many phones, and one address would soon meet the limits by source. The line also
 * holds how many responses were idempotent replays (should be 0) and this process's CPU time.
 */
import { randomInt, randomUUID } from "node:crypto";
import autocannon from "autocannon";

interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  body: string;
}

const options = JSON.parse(process.argv[2] ?? "{}") as LoadOptions;
let replayed = 0;

const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.seconds,
  timeout: 30,
  requests: [
    {
      method: "POST",
      body: options.body,
      headers: { "content-type": "application/json" },
      setupRequest: (req) => ({
        ...req,
        headers: {
          ...req.headers,
          "Idempotency-Key": `bench-${randomUUID()}`,
          "X-Forwarded-For": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`,
        },
      }),
      // A replay would mean a key was reused: the API then skips the write, which would flatter it.
      onResponse: (_status, _body, _context, headers) => {
        const name = Object.keys(headers).find((h) => h.toLowerCase() === "idempotent-replayed");
        if (name && String(headers[name]) === "true") replayed++;
      },
    },
  ],
});
const { user, system } = process.cpuUsage(cpuBefore);
process.stdout.write(`${JSON.stringify({ result, replayed, loadGeneratorCpuMs: (user + system) / 1000 })}\n`);
