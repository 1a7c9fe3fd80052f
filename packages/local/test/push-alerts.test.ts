import * as Dynamo from "@lapora/core/dynamo";
import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Push first, SMS as the safety net, against the real parts: DynamoDB Local's stream, the report-events
// handler, a local push service speaking Web Push (it checks each VAPID signature and decrypts each
// payload), fauxqs for SMS. Not real: a phone (each SMS subscription is an SQS queue, each push device
// a key pair the local push service holds).

let bed: AlertsTestbed;
const devices: Record<string, { endpoint: string; deviceId: string }> = {};
beforeAll(async () => {
  bed = await startAlertsTestbed();
  for (const nrp of [OFFICER.bhabinSekayu, OFFICER.kapolsekSekayu, OFFICER.spkt])
    devices[nrp] = await bed.pushDevice(nrp);
});
afterAll(() => bed?.stop());

const SOAK_BARU = { kecamatan: "16.06.01", desa: "16.06.01.1011" };
const SEDANG = { category: "pencurian", happeningNow: false, ...SOAK_BARU };
const TINGGI = { category: "penganiayaan", happeningNow: false, ...SOAK_BARU };
const DARURAT = { category: "pencurian", happeningNow: true, ...SOAK_BARU };
const code = (trackingCode: string) => trackingCode.replace(/^LPR-/, "").replaceAll("-", "");
const pushesFor = (nrp: string, trackingCode: string) =>
  bed.pushes(devices[nrp]?.endpoint ?? "").filter((p) => p.url.includes(code(trackingCode)));
const smsFor = (nrp: string, trackingCode: string) =>
  bed.texts(nrp).filter((t) => t.includes(code(trackingCode))).length;

const followUps = () => Dynamo.createDynamoFollowUps(bed.deps.client, bed.deps.tableName);
/** Waits until report-events has scheduled the report's tinggi follow-ups (after its pushes). */
async function scheduled(reportId: string, count: number) {
  const far = new Date(Date.now() + 3_600_000).toISOString();
  await waitUntil(
    "the follow-ups scheduled",
    async () =>
      (await followUps().due(far, 500)).filter((f) => f.alert.reportId === reportId).length === count,
  );
}

/**
 * Sends a sedang report in Bayung Lencir, whose Bhabinkamtibmas has no push device, and waits for his SMS.
 * The stream is read in order, so by then everything written before it was dispatched: an SMS that has
 * not arrived is not coming (no fixed sleep).
 */
async function settle() {
  const r = await bed.report({
    category: "pencurian",
    happeningNow: false,
    kecamatan: "16.06.09",
    desa: "16.06.09.1016",
  });
  await waitUntil("the sentinel's SMS", () => smsFor(OFFICER.bhabinBayungLencir, r.trackingCode) === 1);
}

describe("push reaches the routed officers, and SMS only where the rules say", () => {
  it("sedang: a push to the desa's Bhabinkamtibmas only, and no SMS to anyone with a device", async () => {
    const r = await bed.report(SEDANG);
    expect(r.priority).toBe("sedang");
    await waitUntil("the push", () => pushesFor(OFFICER.bhabinSekayu, r.trackingCode).length === 1);
    await settle();
    expect(pushesFor(OFFICER.kapolsekSekayu, r.trackingCode)).toEqual([]);
    expect(pushesFor(OFFICER.spkt, r.trackingCode)).toEqual([]);
    expect(Object.values(bed.countFor(r.trackingCode)).every((n) => n === 0)).toBe(true);
    const [push] = pushesFor(OFFICER.bhabinSekayu, r.trackingCode);
    expect(push).toMatchObject({
      title: "LAPORA SEDANG: Pencurian",
      body: "Ds. Soak baru, Kec. Sekayu.",
      priority: "sedang",
    });
    // The reporter's name, phone and description never leave in a notification.
    const raw = JSON.stringify(bed.push.received());
    for (const secret of ["Siti", "081234", "+6281234", "dicuri"]) expect(raw).not.toContain(secret);
  });

  it("darurat: push and SMS at once to SPKT, the Kapolsek and the Bhabinkamtibmas, once each", async () => {
    const r = await bed.report(DARURAT);
    for (const nrp of [OFFICER.bhabinSekayu, OFFICER.kapolsekSekayu, OFFICER.spkt])
      await waitUntil(
        `${nrp}'s push and SMS`,
        () => pushesFor(nrp, r.trackingCode).length === 1 && smsFor(nrp, r.trackingCode) === 1,
      );
    await settle();
    expect(bed.countFor(r.trackingCode)).toMatchObject({
      [OFFICER.bhabinSekayu]: 1,
      [OFFICER.kapolsekSekayu]: 1,
      [OFFICER.spkt]: 1,
    });
  });

  it("tinggi: push now; after the window, SMS to both routed officers when nobody acknowledged", async () => {
    const r = await bed.report(TINGGI);
    expect(r.priority).toBe("tinggi");
    await waitUntil(
      "both pushes",
      () =>
        pushesFor(OFFICER.bhabinSekayu, r.trackingCode).length === 1 &&
        pushesFor(OFFICER.kapolsekSekayu, r.trackingCode).length === 1,
    );
    await scheduled(r.id, 2);
    // Before the window ends: no SMS.
    expect(await bed.alerts.followUp(new Date(Date.now() + 60_000))).toMatchObject({ sent: 0 });
    const after = new Date(Date.now() + 6 * 60_000);
    expect(await bed.alerts.followUp(after)).toMatchObject({ due: 2, sent: 2 });
    expect(await bed.alerts.followUp(after)).toMatchObject({ due: 0, sent: 0 });
    for (const nrp of [OFFICER.bhabinSekayu, OFFICER.kapolsekSekayu])
      await waitUntil(`${nrp}'s follow-up SMS`, () => smsFor(nrp, r.trackingCode) === 1);
    await settle();
    expect(smsFor(OFFICER.spkt, r.trackingCode)).toBe(0);
  });

  it("tinggi: the Bhabinkamtibmas acknowledging from the notification spares both SMS and the escalation", async () => {
    const r = await bed.report(TINGGI);
    await waitUntil("the pushes", () => pushesFor(OFFICER.kapolsekSekayu, r.trackingCode).length === 1);
    await scheduled(r.id, 2);
    // The Bhabinkamtibmas taps the notification: the console acknowledges from it.
    const token = await bed.deps.issuer.sign(OFFICER.bhabinSekayu);
    const ack = (via: string, id: string) =>
      bed.app.request(`/api/officer/reports/${id}/ack`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ via }),
      });
    const first = await ack("notifikasi", code(r.trackingCode));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      first: true,
      acknowledgement: { nrp: OFFICER.bhabinSekayu, via: "notifikasi" },
    });
    // A second tap, or "Terima" later, changes nothing.
    expect(await (await ack("konsol", r.id)).json()).toMatchObject({
      first: false,
      acknowledgement: { via: "notifikasi" },
    });
    expect((await ack("sms", r.id)).status).toBe(400);

    expect(await bed.alerts.followUp(new Date(Date.now() + 6 * 60_000))).toMatchObject({
      due: 2,
      sent: 0,
      dropped: 2,
    });
    await settle();
    expect(smsFor(OFFICER.bhabinSekayu, r.trackingCode)).toBe(0);
    expect(smsFor(OFFICER.kapolsekSekayu, r.trackingCode)).toBe(0);

    const audit = await (await bed.officer(OFFICER.bhabinSekayu, "GET", `/reports/${r.id}/audit`)).json();
    const acks = (audit as { items: { action: string; actorNrp: string }[] }).items.filter(
      (e) => e.action === "acknowledged",
    );
    expect(acks).toEqual([expect.objectContaining({ actorNrp: OFFICER.bhabinSekayu })]);

    // Acknowledged by an officer it was routed to: it does not escalate, though still unverified.
    const escalated = await bed.alerts.escalate(new Date(Date.now() + 20 * 60_000));
    expect(escalated.escalated.map((e) => e.reportId)).not.toContain(r.id);
  });

  it("an unacknowledged tinggi report still escalates as before", async () => {
    const r = await bed.report(TINGGI);
    await waitUntil("the push", () => pushesFor(OFFICER.kapolsekSekayu, r.trackingCode).length === 1);
    const escalated = await bed.alerts.escalate(new Date(Date.now() + 16 * 60_000));
    expect(escalated.escalated).toContainEqual({ reportId: r.id, level: "kapolsek" });
  });
});

describe("faults", () => {
  it("the push service down: darurat and tinggi fall back to SMS exactly once", async () => {
    bed.push.setMode("down");
    try {
      const r = await bed.report(TINGGI);
      const d = await bed.report(DARURAT);
      for (const nrp of [OFFICER.bhabinSekayu, OFFICER.kapolsekSekayu])
        await waitUntil(`${nrp}'s fallback SMS`, () => smsFor(nrp, r.trackingCode) === 1);
      // The window's follow-up finds the SMS already sent: still one each.
      await bed.alerts.followUp(new Date(Date.now() + 6 * 60_000));
      await settle();
      expect(smsFor(OFFICER.bhabinSekayu, r.trackingCode)).toBe(1);
      expect(smsFor(OFFICER.kapolsekSekayu, r.trackingCode)).toBe(1);
      expect(smsFor(OFFICER.spkt, r.trackingCode)).toBe(0);
      // darurat: its SMS went as always, once each, and no push got through.
      expect(bed.countFor(d.trackingCode)).toMatchObject({
        [OFFICER.bhabinSekayu]: 1,
        [OFFICER.kapolsekSekayu]: 1,
        [OFFICER.spkt]: 1,
      });
      expect(pushesFor(OFFICER.spkt, d.trackingCode)).toEqual([]);
      const mine = await (await bed.officer(OFFICER.kapolsekSekayu, "GET", "/push/devices")).json();
      expect((mine as { devices: { failingSince?: string }[] }).devices[0]?.failingSince).toBeDefined();
    } finally {
      bed.push.setMode("ok");
    }
  });

  it("officers whose devices all fail get one digest SMS a day of their open, unacknowledged reports", async () => {
    // The push-down test above left every device of these three failing.
    const digests = (nrp: string) =>
      bed.texts(nrp).filter((t) => t.includes("laporan terbuka belum Anda terima"));
    // Noon WIB today (05:00 UTC), so an hour later is the same WIB day whenever the suite runs.
    const now = new Date(`${new Date().toISOString().slice(0, 10)}T05:00:00.000Z`);
    const first = await bed.alerts.followUp(now, "digest");
    expect(first).toMatchObject({ officers: 3, sent: 3 });
    expect(await bed.alerts.followUp(new Date(now.getTime() + 3_600_000), "digest")).toMatchObject({
      sent: 0,
    });
    for (const nrp of [OFFICER.bhabinSekayu, OFFICER.kapolsekSekayu, OFFICER.spkt])
      await waitUntil(`${nrp}'s digest`, () => digests(nrp).length === 1);
    expect(digests(OFFICER.bhabinSekayu)[0]).toMatch(
      /^LAPORA: \d+ laporan terbuka belum Anda terima; notifikasi HP tidak aktif\. https:\/\/lapora\.test\/konsol$/,
    );
    // The next day, another one.
    expect(await bed.alerts.followUp(new Date(now.getTime() + 86_400_000), "digest")).toMatchObject({
      sent: 3,
    });
    await waitUntil("the next day's digest", () => digests(OFFICER.bhabinSekayu).length === 2);
  });

  it("a subscription the push service calls gone (410) is removed, and the officer gets SMS again", async () => {
    const device = await bed.pushDevice(OFFICER.bhabinSekayu, "HP lama");
    bed.push.setMode("gone", device.endpoint);
    const r = await bed.report(SEDANG);
    await waitUntil(
      "the push to the working device",
      () => pushesFor(OFFICER.bhabinSekayu, r.trackingCode).length === 1,
    );
    await waitUntil("the gone device removed", async () => {
      const res = await bed.officer(OFFICER.bhabinSekayu, "GET", "/push/devices");
      const { devices: list } = (await res.json()) as { devices: { deviceId: string }[] };
      return !list.some((d) => d.deviceId === device.deviceId);
    });
    // Its other device still took it, so no SMS.
    await settle();
    expect(smsFor(OFFICER.bhabinSekayu, r.trackingCode)).toBe(0);
  });
});

describe("push devices", () => {
  it("refuses a push service Lapora does not send to, and bad keys, naming the field; nothing stored", async () => {
    const token = await bed.deps.issuer.sign(OFFICER.pimpinan);
    const post = (body: unknown) =>
      bed.app.request("/api/officer/push/devices", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const good = bed.push.register("x");
    for (const [body, field] of [
      [
        { subscription: { ...good, endpoint: "https://attacker.example/push/1" }, label: "HP" },
        "subscription.endpoint",
      ],
      [
        { subscription: { ...good, endpoint: "http://169.254.169.254/latest" }, label: "HP" },
        "subscription.endpoint",
      ],
      [
        { subscription: { ...good, keys: { p256dh: "short", auth: good.keys.auth } }, label: "HP" },
        "subscription.keys.p256dh",
      ],
      [{ subscription: good, label: "" }, "label"],
    ] as const) {
      const res = await post(body);
      expect(res.status, field).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(field);
    }
    const res = await bed.officer(OFFICER.pimpinan, "GET", "/push/devices");
    expect(await res.json()).toEqual({ devices: [] });
  });

  it("enabling the same subscription twice keeps one device; an officer removes only their own", async () => {
    const token = await bed.deps.issuer.sign(OFFICER.pimpinan);
    const subscription = bed.push.register("pimpinan");
    const post = () =>
      bed.app.request("/api/officer/push/devices", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ subscription, label: "HP dinas" }),
      });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(200);
    const { devices: list } = (await (
      await bed.officer(OFFICER.pimpinan, "GET", "/push/devices")
    ).json()) as {
      devices: { deviceId: string; service: string }[];
    };
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(subscription.keys.auth);
    const theirs = devices[OFFICER.spkt]?.deviceId ?? "";
    expect((await bed.officer(OFFICER.pimpinan, "DELETE", `/push/devices/${theirs}`)).status).toBe(404);
    expect((await bed.officer(OFFICER.pimpinan, "DELETE", `/push/devices/${list[0]?.deviceId}`)).status).toBe(
      200,
    );
  });

  it("admins see an officer's devices; deactivating the officer removes them", async () => {
    const spkt = await bed.deps.issuer.sign(OFFICER.spkt);
    const notAdmin = await bed.app.request(`/api/admin/officers/${OFFICER.bhabinSekayu}/push-devices`, {
      headers: { authorization: `Bearer ${spkt}` },
    });
    expect(notAdmin.status).toBe(403);
    const seen = await bed.admin("GET", `/officers/${OFFICER.bhabinBayungLencir}/push-devices`);
    expect(await seen.json()).toEqual({ devices: [] });
    await bed.pushDevice(OFFICER.bhabinBayungLencir);
    const listed = (await (
      await bed.admin("GET", `/officers/${OFFICER.bhabinBayungLencir}/push-devices`)
    ).json()) as {
      devices: unknown[];
    };
    expect(listed.devices).toHaveLength(1);
    const officer = (await (await bed.admin("GET", "/officers")).json()) as {
      items: { nrp: string; version: number }[];
    };
    const version = officer.items.find((o) => o.nrp === OFFICER.bhabinBayungLencir)?.version;
    const off = await bed.admin("POST", `/officers/${OFFICER.bhabinBayungLencir}/deactivate`, { version });
    expect(off.status).toBe(200);
    expect(await bed.deps.pushDevices.list(OFFICER.bhabinBayungLencir)).toEqual([]);
  });

  it("an edit that makes an officer inactive removes their devices too; an active edit keeps them", async () => {
    await bed.pushDevice(OFFICER.pimpinan);
    const current = async () => {
      const { items } = (await (await bed.admin("GET", "/officers")).json()) as {
        items: (Record<string, unknown> & { nrp: string })[];
      };
      const {
        nrp: _n,
        createdAt: _c,
        updatedAt: _u,
        ...editable
      } = items.find((o) => o.nrp === OFFICER.pimpinan) as Record<string, unknown>;
      return editable;
    };
    const renamed = await bed.admin("PATCH", `/officers/${OFFICER.pimpinan}`, {
      ...(await current()),
      name: "AKBP Pimpinan Baru",
    });
    expect(renamed.status).toBe(200);
    expect(await bed.deps.pushDevices.list(OFFICER.pimpinan)).toHaveLength(1);
    const off = await bed.admin("PATCH", `/officers/${OFFICER.pimpinan}`, {
      ...(await current()),
      active: false,
    });
    expect(off.status).toBe(200);
    expect(await bed.deps.pushDevices.list(OFFICER.pimpinan)).toEqual([]);
  });
});
