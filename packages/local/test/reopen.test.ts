import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A reporter's "belum tertangani" against the real parts: DynamoDB Local's stream carries the reopening
// to report-events, which pushes it (local push service, VAPID checked, payload decrypted) to the officer
// the report is assigned to. Not real: a phone.

let bed: AlertsTestbed;
let endpoint = "";
beforeAll(async () => {
  bed = await startAlertsTestbed();
  endpoint = (await bed.pushDevice(OFFICER.bhabinSekayu)).endpoint;
});
afterAll(() => bed?.stop());

async function act(nrp: string, id: string, body: Record<string, unknown>) {
  const token = await bed.deps.issuer.sign(nrp);
  const version = (await bed.deps.reports.getById(id))?.version;
  const res = await bed.app.request(`/api/officer/reports/${id}/actions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ ...body, version }),
  });
  expect(res.status).toBe(200);
}

describe("a reporter reopens a resolved report", () => {
  it("goes back to its officer, who gets a push saying so; the audit trail shows who and when", async () => {
    const r = (await bed.report({
      category: "pencurian",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
    })) as { id: string; trackingCode: string; reporterSecret?: string };
    await act(OFFICER.spkt, r.id, { action: "verify" });
    await act(OFFICER.spkt, r.id, { action: "assign", assignee: OFFICER.bhabinSekayu });
    await act(OFFICER.bhabinSekayu, r.id, { action: "start" });
    await act(OFFICER.bhabinSekayu, r.id, { action: "resolve", note: "Motor ditemukan di Soak Baru." });

    const say = (body: unknown) =>
      bed.app.request(`/api/reports/track/${r.trackingCode}/reporter/say`, {
        method: "POST",
        headers: { "content-type": "application/json", "Reporter-Secret": r.reporterSecret ?? "" },
        body: JSON.stringify(body),
      });
    const res = await say({ satisfied: false, rating: 1, comment: "Itu bukan motor saya." });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ditangani", say: { asked: false } });

    const code = r.trackingCode.replace(/^LPR-/, "").replaceAll("-", "");
    const pushed = await bed.push.next(
      endpoint,
      (p) => p.payload.includes("DIBUKA LAGI") && p.payload.includes(code),
    );
    expect(JSON.parse(pushed.payload)).toMatchObject({ title: "LAPORA DIBUKA LAGI SEDANG: Pencurian" });
    expect(pushed.payload).not.toContain("bukan motor saya");
    // Not while it is open again: the say is asked once per resolution.
    expect((await say({ satisfied: true, rating: 5 })).status).toBe(409);

    const stored = await bed.deps.reports.getById(r.id);
    expect(stored).toMatchObject({ status: "ditangani", assignee: OFFICER.bhabinSekayu, reopenCount: 1 });
    const trail = await bed.deps.audit.list(`report:${r.id}`);
    expect(
      trail
        .filter((e) => e.actorRole === "reporter")
        .map((e) => e.action)
        .sort(),
    ).toEqual(["reopened", "reporter_feedback"]);
    await waitUntil("the officer's queue to show it open again", async () => {
      const token = await bed.deps.issuer.sign(OFFICER.bhabinSekayu);
      const q = await bed.app.request("/api/officer/reports?status=ditangani", {
        headers: { authorization: `Bearer ${token}` },
      });
      return JSON.stringify(await q.json()).includes(r.trackingCode);
    });
  });
});
