import { Stats } from "@lapora/core";
import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Real DynamoDB Local stream, real report-events handler, real fauxqs topic with each officer's
// FilterPolicy, the real escalation job run at chosen times. Not real: SMS to a phone (each subscription
// is an SQS queue). Sources are played with X-Forwarded-For, as CloudFront passes the client.

let bed: AlertsTestbed;
beforeAll(async () => {
  bed = await startAlertsTestbed(
    {},
    {
      windowSeconds: 3600,
      address: { soft: 50, hard: 100 },
      device: { soft: 5, hard: 10 },
      daruratPerAddress: 50,
      minFillSeconds: 4,
    },
  );
});
afterAll(() => bed?.stop());

const DARURAT = { category: "pencurian", happeningNow: true, kecamatan: "16.06.01", desa: "16.06.01.1011" };
const from = (address: string) => ({ "X-Forwarded-For": `${address}, 130.176.0.1` });
const none = () => Object.fromEntries(Object.values(OFFICER).map((nrp) => [nrp, 0]));
const bot = from("203.0.113.66");
let sentinels = 0;

/**
 * Sends an ordinary sedang report from a clean source and waits for its Bhabinkamtibmas's SMS. The stream
 * is read in order, so by then every alert of what was written before it has been sent too: what has
 * not arrived is not coming (no fixed sleep).
 */
async function settle() {
  const r = await bed.report(
    { category: "pencurian", happeningNow: false, desa: "16.06.01.1011" },
    from(`192.0.2.${++sentinels}`),
  );
  await waitUntil(
    `the sentinel's SMS`,
    () => (bed.countFor(r.trackingCode)[OFFICER.bhabinSekayu] ?? 0) === 1,
  );
}

const heldList = async () => {
  const res = await bed.officer(OFFICER.spkt, "GET", "/quarantine");
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { reportId: string; reason: string }[] }).items;
};
const queueIds = async (nrp: string, sort: "newest" | "urgent") => {
  const res = await bed.officer(nrp, "GET", `/reports?sort=${sort}&limit=100`);
  return ((await res.json()) as { items: { reportId: string }[] }).items.map((r) => r.reportId);
};

describe("a report a bot trap caught", () => {
  let held: Awaited<ReturnType<AlertsTestbed["report"]>>;

  it("gets an ordinary 201 with a code, and its tracking page says diterima", async () => {
    held = await bed.report({ ...DARURAT, form: { website: "http://spam.example", fillSeconds: 30 } }, bot);
    expect(held).toMatchObject({ status: "diterima", priority: "darurat" });
    expect(held).not.toHaveProperty("notice");
    const track = await bed.app.request(`/api/reports/track/${held.trackingCode}`);
    expect(await track.json()).toMatchObject({ status: "diterima" });
  });

  it("alerts no one, is in no officer's queue and no statistics, and is on SPKT's list with why", async () => {
    await settle();
    expect(bed.countFor(held.trackingCode)).toEqual(none());
    for (const nrp of [OFFICER.spkt, OFFICER.kapolsekSekayu, OFFICER.bhabinSekayu]) {
      for (const sort of ["newest", "urgent"] as const)
        expect(await queueIds(nrp, sort)).not.toContain(held.id);
    }
    const { reports } = await bed.deps.stats.readWeek(Stats.weekOf(new Date()));
    expect(reports.map((r) => r.reportId)).not.toContain(held.id);
    expect(await heldList()).toContainEqual(
      expect.objectContaining({ reportId: held.id, reason: "honeypot" }),
    );
    // Its Bhabinkamtibmas cannot open it either, until SPKT releases it.
    expect((await bed.officer(OFFICER.bhabinSekayu, "GET", `/reports/${held.id}`)).status).toBe(403);
  });

  it("only SPKT may see the list or decide", async () => {
    for (const nrp of [OFFICER.kapolsekSekayu, OFFICER.bhabinSekayu, OFFICER.pimpinan, OFFICER.admin]) {
      expect((await bed.officer(nrp, "GET", "/quarantine")).status).toBe(403);
      expect((await bed.officer(nrp, "POST", `/quarantine/${held.id}/release`)).status).toBe(403);
      expect((await bed.officer(nrp, "POST", `/quarantine/${held.id}/discard`)).status).toBe(403);
    }
  });

  it("released by SPKT, sends its alerts exactly as a new report's, once, and joins the queues", async () => {
    const res = await bed.officer(OFFICER.spkt, "POST", `/quarantine/${held.id}/release`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: held.id, released: true });
    const expected = { ...none(), [OFFICER.bhabinSekayu]: 1, [OFFICER.kapolsekSekayu]: 1, [OFFICER.spkt]: 1 };
    await waitUntil("the released report's SMS", () =>
      Object.entries(expected).every(([nrp, n]) => (bed.countFor(held.trackingCode)[nrp] ?? 0) >= n),
    );
    // A second release is refused, and nothing more is sent.
    expect((await bed.officer(OFFICER.spkt, "POST", `/quarantine/${held.id}/release`)).status).toBe(409);
    await settle();
    expect(bed.countFor(held.trackingCode)).toEqual(expected);
    expect(await queueIds(OFFICER.bhabinSekayu, "urgent")).toContain(held.id);
    expect(await heldList()).not.toContainEqual(expect.objectContaining({ reportId: held.id }));
    const audit = await bed.officer(OFFICER.spkt, "GET", `/reports/${held.id}/audit`);
    expect(((await audit.json()) as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({ action: "released", actorNrp: OFFICER.spkt, from: "honeypot" }),
    );
  });
});

describe("discarding a held report as spam", () => {
  it("sends nothing, keeps it out of every queue, takes it off the list, and is audited", async () => {
    const spam = await bed.report({ ...DARURAT, form: { website: "", fillSeconds: 1 } }, bot);
    expect(await heldList()).toContainEqual(
      expect.objectContaining({ reportId: spam.id, reason: "fill-time" }),
    );
    const res = await bed.officer(OFFICER.spkt, "POST", `/quarantine/${spam.id}/discard`);
    expect(await res.json()).toEqual({ id: spam.id, discarded: true });
    expect(await heldList()).not.toContainEqual(expect.objectContaining({ reportId: spam.id }));
    expect((await bed.officer(OFFICER.spkt, "POST", `/quarantine/${spam.id}/release`)).status).toBe(409);
    await settle();
    expect(bed.countFor(spam.trackingCode)).toEqual(none());
    expect(await queueIds(OFFICER.spkt, "newest")).not.toContain(spam.id);
    const audit = await bed.officer(OFFICER.spkt, "GET", `/reports/${spam.id}/audit`);
    expect(((await audit.json()) as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({ action: "discarded", actorNrp: OFFICER.spkt, from: "fill-time" }),
    );
  });
});

describe("held darurat reports are never silently lost", () => {
  const summaries = () => bed.texts(OFFICER.spkt).filter((t) => t.includes("ditahan"));
  const othersHeard = () =>
    Object.values(OFFICER)
      .filter((nrp) => nrp !== OFFICER.spkt)
      .flatMap((nrp) => bed.texts(nrp).filter((t) => t.includes("ditahan")));

  it("SPKT gets one summary per 15 minutes, however many arrive, and nobody else gets it", async () => {
    const before = summaries().length;
    // A script without the web app's form: every one is held (no-form), none alerts.
    for (let i = 0; i < 3; i++) await bed.report({ ...DARURAT, form: undefined }, bot);
    const t0 = Date.now();
    await bed.alerts.escalate(new Date(t0 + 1000));
    await waitUntil("the first summary", () => summaries().length === before + 1);
    expect(summaries().at(-1)).toBe(
      "LAPORA: 3 laporan DARURAT ditahan di karantina. Periksa https://lapora.test/konsol/karantina",
    );

    for (let i = 0; i < 2; i++) await bed.report({ ...DARURAT, form: undefined }, bot);
    // Five minutes on: still within the window, so no second summary however many came.
    expect((await bed.alerts.escalate(new Date(t0 + 5 * 60_000))).heldDaruratSummarised).toBe(0);
    await settle();
    expect(summaries()).toHaveLength(before + 1);

    // Past 15 minutes: one more, counting only those held since the first.
    expect((await bed.alerts.escalate(new Date(t0 + 16 * 60_000))).heldDaruratSummarised).toBe(2);
    await waitUntil("the second summary", () => summaries().length === before + 2);
    expect(summaries().at(-1)).toMatch(/^LAPORA: 2 laporan DARURAT ditahan/);
    // Running again at once, or twice at the same time, sends nothing more.
    const again = await Promise.all([
      bed.alerts.escalate(new Date(t0 + 17 * 60_000)),
      bed.alerts.escalate(new Date(t0 + 17 * 60_000)),
    ]);
    expect(again.map((r) => r.heldDaruratSummarised)).toEqual([0, 0]);
    await settle();
    expect(summaries()).toHaveLength(before + 2);
    expect(othersHeard()).toEqual([]);
  });
});
