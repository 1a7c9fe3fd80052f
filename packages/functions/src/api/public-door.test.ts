import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { DEVICE_HEADER, firstForwarded, type ReportLimits } from "@lapora/core";
import { type CheckedApp, checkedApp, createTestDeps, readJson, validReport } from "@lapora/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { silentLog } from "./log";

// Limits by source against DynamoDB Local. Sources are played with X-Forwarded-For, as CloudFront passes
// the client; small limits so a test reaches them quickly (production's are in core/abuse/admission.ts).

const LIMITS: ReportLimits = {
  windowSeconds: 3600,
  address: { soft: 4, hard: 6 },
  device: { soft: 2, hard: 3 },
  daruratPerAddress: 2,
  minFillSeconds: 4,
};

let deps: Awaited<ReturnType<typeof createTestDeps>>;
let app: CheckedApp;
beforeAll(async () => {
  deps = await createTestDeps({ limits: LIMITS });
  app = checkedApp(
    createApp(deps, silentLog, { sourceOf: (c) => firstForwarded(c.req.header("X-Forwarded-For")) }),
  );
});

let keys = 0;
const send = (address: string, options: { device?: string; key?: string; body?: unknown } = {}) =>
  app.request("/api/reports", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "X-Forwarded-For": `${address}, 130.176.0.1`,
      "Idempotency-Key": options.key ?? `door-${++keys}-${Date.now()}`,
      ...(options.device ? { [DEVICE_HEADER]: options.device } : {}),
    },
    body: JSON.stringify(options.body ?? validReport()),
  });

/** What each answer told the resident: accepted, accepted for review, or refused (with Retry-After). */
async function outcome(res: Response) {
  if (res.status === 429) {
    const wait = Number(res.headers.get("Retry-After"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(LIMITS.windowSeconds);
    return "refused";
  }
  expect(res.status).toBe(201);
  return (await readJson(res)).notice === "review" ? "review" : "accepted";
}
const tally = (xs: string[]) => {
  const counts: Record<string, number> = {};
  for (const x of xs) counts[x] = (counts[x] ?? 0) + 1;
  return counts;
};

describe("limits by source", () => {
  it("one device past its soft limit is held for review, past its hard limit refused; another source is untouched", async () => {
    // Sent all at once: the counts are taken atomically, so a burst cannot slip past a limit.
    const [flood, other] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => send("203.0.113.9", { device: "device-of-the-flood-01" }))),
      Promise.all(
        Array.from({ length: 3 }, (_, i) =>
          send(`198.51.100.${i + 1}`, { device: `a-neighbours-phone-0${i}` }),
        ),
      ),
    ]);
    expect(tally(await Promise.all(flood.map(outcome)))).toEqual({ accepted: 2, review: 1, refused: 3 });
    expect(tally(await Promise.all(other.map(outcome)))).toEqual({ accepted: 3 });
  });

  it("holds darurat reports past the address's darurat limit, even from fresh devices, while others still go", async () => {
    // A copy of the web app that takes a new device token each time: only the address can tell.
    const darurat = validReport({ category: "pencurian", happeningNow: true });
    const answers: string[] = [];
    for (let i = 0; i < 3; i++)
      answers.push(
        await outcome(await send("203.0.113.77", { device: `fresh-device-${i}-abcdefgh`, body: darurat })),
      );
    expect(answers).toEqual(["accepted", "accepted", "review"]);
    // A sedang report from that address is not held by the darurat count.
    expect(await outcome(await send("203.0.113.77", { device: "fresh-device-9-abcdefgh" }))).toBe("accepted");
  });

  it("counts a village behind one carrier address by device, up to the address's own limits", async () => {
    // Many phones, one address (carrier-grade NAT): the address's soft limit holds the rest for review.
    const answers: string[] = [];
    for (let i = 0; i < 8; i++)
      answers.push(await outcome(await send("100.64.7.7", { device: `village-phone-${i}-abcdef` })));
    expect(answers).toEqual([
      "accepted",
      "accepted",
      "accepted",
      "accepted",
      "review",
      "review",
      "refused",
      "refused",
    ]);
  });

  it("never counts a retry twice, and still answers it past the hard limit", async () => {
    const body = validReport();
    const first = await send("192.0.2.80", { key: "retry-key-0001", body });
    const receipt = await readJson(first);
    for (let i = 0; i < 5; i++) {
      const again = await send("192.0.2.80", { key: "retry-key-0001", body });
      expect(again.status).toBe(201);
      expect(again.headers.get("Idempotent-Replayed")).toBe("true");
      expect((await readJson(again)).trackingCode).toBe(receipt.trackingCode);
    }
    // Five retries counted nothing: the address still has three accepted reports left under its soft limit.
    const more: string[] = [];
    for (let i = 0; i < 5; i++) more.push(await outcome(await send("192.0.2.80")));
    expect(more).toEqual(["accepted", "accepted", "accepted", "review", "review"]);
    expect(await outcome(await send("192.0.2.80"))).toBe("refused");
    // Refused now, the stored report's own retry still gets its receipt.
    const late = await send("192.0.2.80", { key: "retry-key-0001", body });
    expect(late.status).toBe(201);
    expect((await readJson(late)).trackingCode).toBe(receipt.trackingCode);
  });

  it("refuses a malformed device token or form naming the field, storing nothing", async () => {
    const before = (await deps.client.send(new ScanCommand({ TableName: deps.tableName, Select: "COUNT" })))
      .Count;
    const token = await send("192.0.2.90", { device: "short" });
    expect(token.status).toBe(400);
    expect((await readJson(token)).details).toEqual([expect.objectContaining({ field: DEVICE_HEADER })]);
    const form = await send("192.0.2.90", { body: validReport({ form: { fillSeconds: "lama" } }) });
    expect(form.status).toBe(400);
    expect((await readJson(form)).details).toEqual([expect.objectContaining({ field: "form" })]);
    const after = (await deps.client.send(new ScanCommand({ TableName: deps.tableName, Select: "COUNT" })))
      .Count;
    expect(after).toBe(before);
  });
});

describe("bot traps", () => {
  const spkt = async () => ({ authorization: `Bearer ${await deps.issuer.sign("80010001")}` });
  const held = async () => {
    const res = await app.request("/api/officer/quarantine", { headers: await spkt() });
    return ((await readJson(res)).items as { trackingCode: string; reason: string }[]).map((i) => [
      i.trackingCode,
      i.reason,
    ]);
  };

  it.each([
    ["the honeypot filled in", { website: "http://cheap-pills.example", fillSeconds: 60 }, "honeypot"],
    ["a form sent faster than a person fills it", { website: "", fillSeconds: 1.5 }, "fill-time"],
    ["no form at all (a script, not the web app)", undefined, "no-form"],
  ])("%s: a normal-looking 201 with a code, held for review", async (_, form, reason) => {
    const res = await send(`192.0.2.${100 + keys}`, { body: validReport({ form }) });
    expect(res.status).toBe(201);
    const receipt = await readJson(res);
    expect(receipt).toMatchObject({ status: "diterima", trackingCode: expect.stringMatching(/^LPR-/) });
    expect(receipt).not.toHaveProperty("notice");
    expect(await held()).toContainEqual([receipt.trackingCode, reason]);
  });

  it("lets a person who took their time through", async () => {
    const res = await send("192.0.2.150", { body: validReport({ form: { website: "", fillSeconds: 40 } }) });
    const receipt = await readJson(res);
    expect(await held()).not.toContainEqual([receipt.trackingCode, expect.anything()]);
  });
});

describe("privacy of sources", () => {
  it("keeps no client address and no device token anywhere in the table", async () => {
    const address = "203.0.113.201";
    const device = "a-very-recognisable-device-token";
    for (let i = 0; i < 3; i++) await send(address, { device });
    await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Forwarded-For": address },
      body: JSON.stringify({ nrp: "80010002", password: "salah-sekali" }),
    });
    const { Items = [] } = await deps.client.send(new ScanCommand({ TableName: deps.tableName }));
    const text = JSON.stringify(Items);
    expect(Items.some((i) => String(i.pk).startsWith("$lapora#counterkey_"))).toBe(true);
    expect(text).not.toContain(address);
    expect(text).not.toContain("203.0.113");
    expect(text).not.toContain(device);
  });
});
