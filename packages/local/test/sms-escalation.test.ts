import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The escalation job runs against DynamoDB Local's open-reports index; its SMS go through the stream,
// report-events and fauxqs like any other alert. Only the clock is chosen by the test.

let bed: AlertsTestbed;
beforeAll(async () => {
  bed = await startAlertsTestbed();
});
afterAll(() => bed?.stop());

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe("escalation of urgent reports nobody verifies", () => {
  it("goes to the Kapolsek after 15 minutes, then to SPKT, once each, and is audited", async () => {
    const r = await bed.report({
      category: "penganiayaan",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.2001",
    });
    expect(r.priority).toBe("tinggi");
    await waitUntil("the new-report SMS", () => bed.countFor(r.trackingCode)[OFFICER.kapolsekSekayu] === 1);

    expect((await bed.alerts.escalate(minutes(10))).escalated).toEqual([]);
    expect((await bed.alerts.escalate(minutes(16))).escalated).toEqual([
      { reportId: r.id, level: "kapolsek" },
    ]);
    expect((await bed.alerts.escalate(minutes(17))).escalated).toEqual([]);
    await waitUntil(
      "the Kapolsek's escalation SMS",
      () => bed.countFor(r.trackingCode)[OFFICER.kapolsekSekayu] === 2,
    );
    expect(bed.texts(OFFICER.kapolsekSekayu).at(-1)).toMatch(
      /^LAPORA ESKALASI TINGGI: Penganiayaan di Ds\. Sukarami, Kec\. Sekayu blm diverifikasi 16 mnt\. /,
    );

    expect((await bed.alerts.escalate(minutes(32))).escalated).toEqual([{ reportId: r.id, level: "spkt" }]);
    expect((await bed.alerts.escalate(minutes(120))).escalated).toEqual([]);
    await waitUntil("SPKT's escalation SMS", () => bed.countFor(r.trackingCode)[OFFICER.spkt] === 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(bed.countFor(r.trackingCode)).toEqual({
      [OFFICER.spkt]: 1,
      [OFFICER.bhabinSekayu]: 0,
      [OFFICER.bhabinBayungLencir]: 0,
      [OFFICER.kapolsekSekayu]: 2,
      [OFFICER.pimpinan]: 0,
      [OFFICER.admin]: 0,
    });

    const trail = await bed.deps.audit.list(`report:${r.id}`);
    expect(trail.filter((e) => e.action === "escalated").map((e) => [e.actorRole, e.to])).toEqual([
      ["system", "kapolsek"],
      ["system", "spkt"],
    ]);
  });

  it("leaves verified and less urgent reports alone", async () => {
    const sedang = await bed.report({
      category: "narkoba",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
    });
    const darurat = await bed.report({
      category: "kecelakaan",
      happeningNow: true,
      kecamatan: "16.06.09",
      desa: "16.06.09.1016",
    });
    const spkt = await bed.deps.issuer.sign(OFFICER.spkt);
    const res = await bed.app.request(`/api/officer/reports/${darurat.id}/actions`, {
      method: "POST",
      headers: { authorization: `Bearer ${spkt}`, "content-type": "application/json" },
      body: JSON.stringify({ action: "verify", version: 1 }),
    });
    expect(res.status).toBe(200);
    const { escalated } = await bed.alerts.escalate(minutes(16));
    expect(escalated.map((e) => e.reportId)).not.toContain(sedang.id);
    expect(escalated.map((e) => e.reportId)).not.toContain(darurat.id);
  });
});
