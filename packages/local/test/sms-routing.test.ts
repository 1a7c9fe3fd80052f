import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Real DynamoDB Local stream, real report-events handler, real fauxqs topic with each officer's
// subscription. No officer here has a push device, so every alert routed to one goes by SMS, as before
// push. Not real: SMS to a phone (each subscription is an SQS queue instead).

let bed: AlertsTestbed;
beforeAll(async () => {
  bed = await startAlertsTestbed();
});
afterAll(() => bed?.stop());

/** Waits for the expected SMS, then a little longer, so an SMS that should not come has time to. */
async function expectDelivery(trackingCode: string, expected: Partial<Record<string, number>>) {
  const want = Object.fromEntries(Object.values(OFFICER).map((nrp) => [nrp, expected[nrp] ?? 0]));
  await waitUntil(`SMS for ${trackingCode}`, () =>
    Object.entries(want).every(([nrp, n]) => (bed.countFor(trackingCode)[nrp] ?? 0) >= n),
  );
  await new Promise((r) => setTimeout(r, 600));
  expect(bed.countFor(trackingCode)).toEqual(want);
}

describe("SMS alerts reach exactly the right officers", () => {
  it("a theft in progress in Soak Baru: its Bhabinkamtibmas, the Kapolsek of Sekayu and SPKT, once each", async () => {
    const r = await bed.report({
      category: "pencurian",
      happeningNow: true,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
    });
    expect(r.priority).toBe("darurat");
    await expectDelivery(r.trackingCode, {
      [OFFICER.bhabinSekayu]: 1,
      [OFFICER.kapolsekSekayu]: 1,
      [OFFICER.spkt]: 1,
    });
    const sms = bed.texts(OFFICER.bhabinSekayu).at(-1) ?? "";
    expect(sms).toMatch(
      /^LAPORA DARURAT: Pencurian di Ds\. Soak baru, Kec\. Sekayu\. https:\/\/lapora\.test\/konsol\/laporan\/\w{13}$/,
    );
    // Each SMS is addressed to one officer's subscription (who gets it is core's routing, tested in
    // routing-parity.test.ts against the emulator's own filter evaluation).
    const attributes = bed.alerts.inbox.messagesOf(OFFICER.spkt).at(-1)?.attributes;
    expect(attributes).toMatchObject({ to: OFFICER.spkt, "AWS.SNS.SMS.SMSType": "Transactional" });
  });

  it("links to the report in the console, which the officer API opens by that code", async () => {
    const sms = bed.texts(OFFICER.bhabinSekayu).at(-1) ?? "";
    const code = /\/konsol\/laporan\/(\w{13})$/.exec(sms)?.[1] ?? "";
    const token = await bed.deps.issuer.sign(OFFICER.bhabinSekayu);
    for (const path of [code, `${code}/audit`]) {
      const res = await bed.app.request(`/api/officer/reports/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status, path).toBe(200);
    }
    const res = await bed.app.request(`/api/officer/reports/${code}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await res.json()) as { trackingCode: string }).trackingCode.replaceAll("-", "")).toBe(
      `LPR${code}`,
    );
  });

  it("a sedang report in Soak Baru: only its Bhabinkamtibmas", async () => {
    const r = await bed.report({
      category: "pencurian",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
    });
    expect(r.priority).toBe("sedang");
    await expectDelivery(r.trackingCode, { [OFFICER.bhabinSekayu]: 1 });
  });

  it("a tinggi report in a Sekayu desa no Bhabinkamtibmas covers: only the Kapolsek", async () => {
    const r = await bed.report({
      category: "penganiayaan",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.2001",
    });
    expect(r.priority).toBe("tinggi");
    await expectDelivery(r.trackingCode, { [OFFICER.kapolsekSekayu]: 1 });
  });

  it("a darurat report in Bayung Lencir: its Bhabinkamtibmas and SPKT, nobody in Sekayu", async () => {
    const r = await bed.report({
      category: "kebakaran",
      happeningNow: true,
      kecamatan: "16.06.09",
      desa: "16.06.09.1016",
    });
    expect(r.priority).toBe("darurat");
    await expectDelivery(r.trackingCode, { [OFFICER.bhabinBayungLencir]: 1, [OFFICER.spkt]: 1 });
  });

  it("a rendah report elsewhere: nobody", async () => {
    const r = await bed.report({
      category: "penipuan",
      happeningNow: false,
      kecamatan: "16.06.02",
      desa: "16.06.02.2001",
    });
    await expectDelivery(r.trackingCode, {});
  });

  it("pimpinan and admin get no SMS by default", () => {
    expect(bed.texts(OFFICER.pimpinan)).toEqual([]);
    expect(bed.texts(OFFICER.admin)).toEqual([]);
  });
});

describe("roster changes", () => {
  async function officer(nrp: string) {
    const res = await bed.admin("GET", "/officers");
    const { items } = (await res.json()) as { items: { nrp: string; version: number }[] };
    const found = items.find((o) => o.nrp === nrp);
    if (!found) throw new Error(`no officer ${nrp}`);
    return found as Record<string, unknown> & { version: number };
  }

  it("an admin's tuning changes what an officer gets", async () => {
    const { nrp: _n, createdAt: _c, updatedAt: _u, ...current } = await officer(OFFICER.kapolsekSekayu);
    const res = await bed.admin("PATCH", `/officers/${OFFICER.kapolsekSekayu}`, {
      ...current,
      alertPriorities: ["darurat", "tinggi", "sedang"],
    });
    expect(res.status).toBe(200);
    const r = await bed.report({
      category: "narkoba",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
    });
    expect(r.priority).toBe("sedang");
    await expectDelivery(r.trackingCode, { [OFFICER.bhabinSekayu]: 1, [OFFICER.kapolsekSekayu]: 1 });
  });

  it("a new officer is subscribed as soon as they are added", async () => {
    const res = await bed.admin("POST", "/officers", {
      nrp: "80010077",
      name: "Brigpol Sari Dewi",
      role: "bhabinkamtibmas",
      kecamatan: "16.06.02",
      desa: ["16.06.02.2001"],
      phone: "081200010077",
    });
    expect(res.status).toBe(201);
    const r = await bed.report({
      category: "penipuan",
      happeningNow: false,
      kecamatan: "16.06.02",
      desa: "16.06.02.2001",
    });
    await waitUntil("the new officer's SMS", () => bed.texts("80010077").length === 1);
    expect(bed.texts("80010077")[0]).toContain("RENDAH: Penipuan di Ds. Danau Cala, Kec. Lais.");
    expect(bed.countFor(r.trackingCode)[OFFICER.spkt]).toBe(0);
  });

  it("deactivating an officer stops their SMS", async () => {
    const { version } = await officer(OFFICER.bhabinSekayu);
    const res = await bed.admin("POST", `/officers/${OFFICER.bhabinSekayu}/deactivate`, { version });
    expect(res.status).toBe(200);
    const r = await bed.report({
      category: "pencurian",
      happeningNow: true,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
    });
    await expectDelivery(r.trackingCode, { [OFFICER.kapolsekSekayu]: 1, [OFFICER.spkt]: 1 });
  });
});
