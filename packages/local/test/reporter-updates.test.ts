import { Reporter } from "@lapora/core";
import { type AlertsTestbed, OFFICER, startAlertsTestbed, validReport } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Updates without asking, against the real parts: the officer's change writes its update in the same
// DynamoDB Local transaction, the every-minute job sends it with the real markers and SMS budget. Not
// real: the phone network (SNS's direct publish to a number has no emulator), which is an inbox here.

let bed: AlertsTestbed;
beforeAll(async () => {
  bed = await startAlertsTestbed();
});
afterAll(() => bed?.stop());

const PHONE = "+6281377770001";

async function act(nrp: string, id: string, body: Record<string, unknown>, path = "actions") {
  const token = await bed.deps.issuer.sign(nrp);
  const version = (await bed.deps.reports.getById(id))?.version;
  const res = await bed.app.request(`/api/officer/reports/${id}/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(path === "actions" ? { ...body, version } : body),
  });
  expect(res.status).toBeLessThan(300);
}

describe("a reporter who asked to be told by SMS", () => {
  it("hears of verification, a question the next day, and the resolution, once each and in nobody's words", async () => {
    const r = await bed.report({
      category: "pencurian",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
      description: "Motor saya dicuri, pelakunya tetangga sebelah rumah.",
      reporter: { anonymous: false, name: "Ani Lestari", phone: "0813 7777 0001", smsUpdates: true },
    });
    const texts = () => bed.alerts.phones.messagesTo(PHONE).map((m) => m.text);
    const run = (at = new Date()) => bed.alerts.followUp(at);

    await act(OFFICER.spkt, r.id, { action: "assign", assignee: OFFICER.bhabinSekayu });
    await act(OFFICER.spkt, r.id, { action: "setPriority", priority: "tinggi", note: "Pelaku dikenal." });
    await act(OFFICER.spkt, r.id, { action: "note", note: "Catatan internal rahasia.", public: false });
    await run();
    expect(texts()).toEqual([]);

    await act(OFFICER.spkt, r.id, { action: "verify" });
    await act(OFFICER.spkt, r.id, { text: "Apakah ada saksi lain di rumah?" }, "thread");
    await run();
    await run(); // a second run sends nothing twice
    expect(texts()).toEqual([expect.stringMatching(/^LAPORA: Laporan LPR-\S+ sudah diperiksa petugas/)]);

    // The question waits for the next morning: at most one update a day.
    const tomorrow = new Date(Date.now() + 36 * 3_600_000);
    await run(tomorrow);
    expect(texts()[1]).toMatch(/mendapat pertanyaan petugas/);

    await act(OFFICER.bhabinSekayu, r.id, { action: "start" });
    await act(OFFICER.bhabinSekayu, r.id, { action: "resolve", note: "Motor ditemukan." });
    await run(tomorrow);
    expect(texts()).toHaveLength(3);
    expect(texts()[2]).toMatch(/sudah selesai ditangani/);
    expect(texts().join(" ")).not.toMatch(/saksi|tetangga|Ani|Catatan|Motor ditemukan|Pelaku/);
    // The dev page shows the number masked.
    expect(bed.alerts.phones.messages()[0]?.to).toBe("+62•••••••0001");
  });

  it("hears nothing without asking", async () => {
    const phone = "+6281377770002";
    const r = await bed.report({
      category: "pencurian",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
      reporter: { anonymous: false, name: "Budi", phone: "0813 7777 0002" },
    });
    await act(OFFICER.spkt, r.id, { action: "verify" });
    await bed.alerts.followUp(new Date());
    expect(bed.alerts.phones.messagesTo(phone)).toEqual([]);
  });

  it("hears at her safe number when she gave one, never at her own", async () => {
    const own = "+6281377770003";
    const safe = "+6281377770004";
    const r = await bed.report({
      category: "kdrt",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
      reporter: {
        anonymous: false,
        name: "Sari",
        phone: "0813 7777 0003",
        smsUpdates: true,
        preferences: { sms: true, calls: false, noHomeVisit: true, safePhone: "0813 7777 0004" },
      },
    });
    await act(OFFICER.spkt, r.id, { action: "verify" });
    await bed.alerts.followUp(new Date());
    expect(bed.alerts.phones.messagesTo(own)).toEqual([]);
    expect(bed.alerts.phones.messagesTo(safe).map((m) => m.text)).toEqual([
      expect.stringMatching(/sudah diperiksa petugas/),
    ]);
  });

  it("hears nothing once her contact is erased, not even an update already queued", async () => {
    const phone = "+6281377770005";
    const res = await bed.app.request("/api/reports", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        validReport({
          reporter: { anonymous: false, name: "Rina", phone: "0813 7777 0005", smsUpdates: true },
        }),
      ),
    });
    const r = (await res.json()) as { id: string; trackingCode: string; reporterSecret: string };
    await act(OFFICER.spkt, r.id, { action: "verify" }); // the update is in the outbox now
    const erased = await bed.app.request(`/api/reports/track/${r.trackingCode}/reporter/erase-contact`, {
      method: "POST",
      headers: { [Reporter.REPORTER_SECRET_HEADER]: r.reporterSecret },
    });
    expect(erased.status).toBe(200);
    await bed.alerts.followUp(new Date());
    expect(bed.alerts.phones.messagesTo(phone)).toEqual([]);
  });

  it("cannot ask for SMS updates while saying no SMS: a 400 naming the field, and nothing stored", async () => {
    const res = await bed.app.request("/api/reports", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        validReport({
          reporter: {
            anonymous: false,
            name: "Dewi",
            phone: "0813 7777 0006",
            smsUpdates: true,
            preferences: { sms: false, calls: true },
          },
        }),
      ),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: { field: string; code: string }[] };
    expect(body.details).toEqual([
      expect.objectContaining({ field: "reporter.smsUpdates", code: "reporter.smsUpdates.not_allowed" }),
    ]);
  });
});
