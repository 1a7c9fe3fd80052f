import { createECDH, createPublicKey, type ECDH, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import ece from "http_ece";
import * as z from "zod/mini";

/**
 * The local push service: a stand-in for a browser vendor's (FCM, Mozilla autopush) that speaks the real
 * protocol, so the app's Web Push sender is tested end to end without a browser or the internet. A send
 * (RFC 8030) is accepted only with a valid VAPID signature for this origin (RFC 8292) and a body that
 * decrypts (RFC 8291) with the device keys `register` made; each one is kept, decrypted, for tests and
 * `/dev/push`. `setMode` plays an outage (503) or an expired subscription (410).
 */

export type PushMode = "ok" | "down" | "gone";
export interface ReceivedPush {
  /** The subscription endpoint it was sent to. */
  endpoint: string;
  /** The label given at register. */
  label: string;
  /** ISO time. */
  receivedAt: string;
  ttl: number;
  urgency: string;
  topic?: string;
  /** The decrypted UTF-8 payload. */
  payload: string;
}
export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}
export interface LocalPushService {
  /** The origin, e.g. http://127.0.0.1:43123 */
  url: string;
  /** A new device: generates a P-256 ECDH key pair and a 16-byte auth secret (kept here, to decrypt), returns the subscription JSON a browser's PushManager would give. */
  register(label: string): PushSubscriptionJson;
  /** Everything received so far, oldest first; optionally only for one endpoint. */
  received(endpoint?: string): readonly ReceivedPush[];
  /**
   * Resolves with the first message at `endpoint` matching `match` (or any), waiting up to timeoutMs
   * (default 10 s): event-driven, no polling sleeps; rejects on timeout with a clear message. A message
   * that arrived before the call counts too, so a test never loses the race with a fast sender.
   */
  next(endpoint: string, match?: (p: ReceivedPush) => boolean, timeoutMs?: number): Promise<ReceivedPush>;
  /** Fault injection: "down" answers 503 to every send (to that endpoint, or all when endpoint omitted), "gone" answers 410 (the subscription expired). Without an endpoint it also clears every endpoint's own mode. */
  setMode(mode: PushMode, endpoint?: string): void;
  /** How many send requests were refused (VAPID invalid, bad body, down, gone, unknown). */
  stats(): { accepted: number; refused: number };
  stop(): Promise<void>;
}

interface Device {
  endpoint: string;
  label: string;
  keys: ECDH;
  auth: string;
}
interface Waiter {
  endpoint: string;
  match: (p: ReceivedPush) => boolean;
  resolve: (p: ReceivedPush) => void;
  reject: (e: Error) => void;
}

/** RFC 8030 allows a message of 4096 bytes; vendors refuse larger ones with 413. */
const MAX_BODY = 4096;
/** RFC 8292: a JWT may not be valid for more than 24 hours. */
const MAX_EXP_SECONDS = 24 * 3600;
const URGENCIES = new Set(["very-low", "low", "normal", "high"]);
const RegisterBody = z.object({ label: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)) });
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "600",
};

const b64url = (s: string) => Buffer.from(s, "base64url");
const jsonOf = (part: string): Record<string, unknown> | undefined => {
  try {
    const v: unknown = JSON.parse(b64url(part).toString("utf8"));
    return v && typeof v === "object" ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Why an `Authorization: vapid t=…, k=…` header is not valid for `audience`, or undefined when it is. */
function vapidProblem(header: string | undefined, audience: string, nowMs = Date.now()) {
  const m = /^vapid\s+(.+)$/i.exec(header ?? "");
  if (!m?.[1]) return "Authorization is not 'vapid t=…, k=…'";
  const params = new Map(
    m[1].split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const [t, k] = [params.get("t"), params.get("k")];
  if (!t || !k) return "VAPID t or k missing";
  const raw = b64url(k);
  if (raw.length !== 65 || raw[0] !== 4) return "VAPID k is not an uncompressed P-256 key";
  const [h, p, s, extra] = t.split(".");
  if (!h || !p || !s || extra !== undefined) return "VAPID t is not a JWT";
  if (jsonOf(h)?.alg !== "ES256") return "VAPID JWT alg is not ES256";
  let valid = false;
  try {
    const jwk = {
      kty: "EC",
      crv: "P-256",
      x: raw.subarray(1, 33).toString("base64url"),
      y: raw.subarray(33).toString("base64url"),
    };
    const key = createPublicKey({ key: jwk, format: "jwk" });
    valid = verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, b64url(s));
  } catch {
    return "VAPID k is not a P-256 public key";
  }
  if (!valid) return "VAPID signature does not verify";
  const claims = jsonOf(p);
  if (claims?.aud !== audience) return `VAPID aud is not ${audience}`;
  const now = nowMs / 1000;
  if (typeof claims.exp !== "number" || claims.exp <= now) return "VAPID exp is missing or past";
  if (claims.exp > now + MAX_EXP_SECONDS) return "VAPID exp is more than 24 h ahead";
  if (typeof claims.sub !== "string" || !/^(mailto|https):/.test(claims.sub))
    return "VAPID sub is not mailto: or https:";
  return undefined;
}

/** The whole body, so an early answer never resets the client's connection; undefined when over MAX_BODY. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  }
  return size <= MAX_BODY ? Buffer.concat(chunks) : undefined;
}

const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers }).end(body);
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body));

/** Starts the local push service on `port` (default: a free one) of `host` (default 127.0.0.1). */
export function startPushService(
  options: { port?: number; host?: string; log?: (m: string) => void } = {},
): Promise<LocalPushService> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const devices = new Map<string, Device>();
  const messages: ReceivedPush[] = [];
  const modes = new Map<string, PushMode>();
  const waiters = new Set<Waiter>();
  const counts = { accepted: 0, refused: 0 };
  let mode: PushMode = "ok";
  let url = "";

  function register(label: string): PushSubscriptionJson {
    const token = randomBytes(16).toString("base64url");
    const keys = createECDH("prime256v1");
    keys.generateKeys();
    const device = {
      endpoint: `${url}/push/${token}`,
      label,
      keys,
      auth: randomBytes(16).toString("base64url"),
    };
    devices.set(token, device);
    return { endpoint: device.endpoint, keys: { p256dh: keys.getPublicKey("base64url"), auth: device.auth } };
  }

  /** The problem with a send, as [status, reason], or the message to keep. */
  function accept(
    req: IncomingMessage,
    token: string,
    body: Buffer | undefined,
  ): [number, string] | ReceivedPush {
    const device = devices.get(token);
    if (!device) return [404, "no such subscription"];
    const now = modes.get(device.endpoint) ?? mode;
    if (now === "gone") return [410, "subscription expired"];
    if (now === "down") return [503, "push service unavailable"];
    if (!body) return [413, `body over ${MAX_BODY} bytes`];
    const problem = vapidProblem(req.headers.authorization, new URL(url).origin);
    if (problem) return [400, problem];
    const ttl = req.headers.ttl;
    if (typeof ttl !== "string" || !/^\d+$/.test(ttl)) return [400, "TTL must be an integer >= 0"];
    if (req.headers["content-encoding"]?.toLowerCase() !== "aes128gcm")
      return [400, "Content-Encoding must be aes128gcm"];
    const urgency = (req.headers.urgency as string | undefined) ?? "normal";
    if (!URGENCIES.has(urgency)) return [400, "Urgency must be very-low, low, normal or high"];
    const topic = req.headers.topic as string | undefined;
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic))
      return [400, "Topic must be at most 32 base64url characters"];
    let payload: string;
    try {
      const plain = ece.decrypt(body, {
        version: "aes128gcm",
        privateKey: device.keys,
        authSecret: device.auth,
      });
      payload = new TextDecoder("utf-8", { fatal: true }).decode(plain);
    } catch {
      return [400, "body does not decrypt to UTF-8 with the subscription's keys"];
    }
    const { endpoint, label } = device;
    const at = new Date().toISOString();
    return {
      endpoint,
      label,
      receivedAt: at,
      ttl: Number(ttl),
      urgency,
      ...(topic ? { topic } : {}),
      payload,
    };
  }

  async function sendPush(req: IncomingMessage, res: ServerResponse, token: string) {
    const outcome = accept(req, token, await readBody(req));
    if (Array.isArray(outcome)) {
      counts.refused++;
      log(`push ${token}: ${outcome[0]} ${outcome[1]}`);
      return text(res, outcome[0], outcome[1]);
    }
    counts.accepted++;
    messages.push(outcome);
    log(`push ${outcome.label}: ${outcome.payload.slice(0, 80)}`);
    for (const w of waiters) {
      if (w.endpoint === outcome.endpoint && w.match(outcome)) w.resolve(outcome);
    }
    text(res, 201, "", { Location: `${url}/message/${randomBytes(12).toString("base64url")}` });
  }

  async function registerRoute(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    if (!body) return text(res, 413, `body over ${MAX_BODY} bytes`, CORS);
    let parsed: ReturnType<typeof RegisterBody.safeParse>;
    try {
      parsed = RegisterBody.safeParse(JSON.parse(body.toString("utf8")));
    } catch {
      return text(res, 400, "body is not JSON", CORS);
    }
    if (!parsed.success) return text(res, 400, "body must be { label: string }", CORS);
    json(res, 201, register(parsed.data.label), CORS);
  }

  function route(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const token = /^\/push\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
    if (token && req.method === "POST") return sendPush(req, res, token);
    if (path === "/register" && req.method === "OPTIONS") return res.writeHead(204, CORS).end();
    if (path === "/register" && req.method === "POST") return registerRoute(req, res);
    if (path === "/messages.json" && req.method === "GET") return json(res, 200, messages);
    req.resume();
    return text(res, 404, "not found");
  }

  const server = createServer((req, res) => {
    Promise.resolve(route(req, res)).catch((err: unknown) => {
      log(`push service error: ${String(err)}`);
      if (!res.headersSent) text(res, 500, "internal error");
      else res.destroy();
    });
  });

  const service: LocalPushService = {
    get url() {
      return url;
    },
    register,
    received: (endpoint) => (endpoint ? messages.filter((m) => m.endpoint === endpoint) : [...messages]),
    next(endpoint, match = () => true, timeoutMs = 10_000) {
      const already = messages.find((m) => m.endpoint === endpoint && match(m));
      if (already) return Promise.resolve(already);
      if (![...devices.values()].some((d) => d.endpoint === endpoint))
        return Promise.reject(new Error(`next(): ${endpoint} is not a subscription of this push service`));
      return new Promise<ReceivedPush>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        const waiter: Waiter = {
          endpoint,
          match,
          resolve: (p) => {
            done();
            resolve(p);
          },
          reject: (e) => {
            done();
            reject(e);
          },
        };
        const timer = setTimeout(() => {
          const n = messages.filter((m) => m.endpoint === endpoint).length;
          waiter.reject(
            new Error(`No matching push at ${endpoint} within ${timeoutMs} ms (${n} other message(s) there)`),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    setMode(next, endpoint) {
      if (endpoint) modes.set(endpoint, next);
      else {
        mode = next;
        modes.clear();
      }
    },
    stats: () => ({ ...counts }),
    stop() {
      for (const w of waiters) w.reject(new Error("push service stopped"));
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
      log(`push service on ${url}`);
      resolve(service);
    });
  });
}
