import { resolve } from "node:path";
import { createLocalApp } from "@lapora/local/server";
import { type AlertsTestbed, OFFICER, startAlertsTestbed, waitUntil } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let bed: AlertsTestbed;
let app: ReturnType<typeof createLocalApp>;
beforeAll(async () => {
  bed = await startAlertsTestbed();
  app = createLocalApp(bed.deps, resolve(import.meta.dirname, "../../web/dist"), bed.deps.issuer, {
    smsInbox: bed.alerts.inbox,
  });
});
afterAll(() => bed?.stop());

describe("/dev/sms", () => {
  it("lists every officer's inbox as JSON, newest first", async () => {
    const r = await bed.report({
      category: "pencurian",
      happeningNow: true,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
    });
    await waitUntil("SPKT's SMS", () => bed.texts(OFFICER.spkt).length === 1);
    const res = await app.request("/dev/sms.json");
    expect(res.status).toBe(200);
    const { officers } = (await res.json()) as {
      officers: { nrp: string; area: string; messages: { text: string }[] }[];
    };
    expect(officers.map((o) => o.nrp).sort()).toEqual(Object.values(OFFICER).sort());
    const spkt = officers.find((o) => o.nrp === OFFICER.spkt);
    expect(spkt?.messages.map((m) => m.text)).toEqual([expect.stringContaining(r.trackingCode.slice(4, 8))]);
    expect(officers.find((o) => o.nrp === OFFICER.bhabinSekayu)?.area).toBe("Soak baru, Balai Agung");
  });

  it("renders a page with no script, under the app's CSP, with every value escaped", async () => {
    await bed.deps.officers.create(
      {
        nrp: "80010099",
        name: `<script>alert("x")</script>`,
        role: "spkt",
        phone: "+6281200010099",
        active: true,
        version: 1,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      },
      [],
    );
    const res = await app.request("/dev/sms");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("LAPORA DARURAT: Pencurian di Ds. Soak baru");
  });

  it("is not part of the API the Lambda serves", async () => {
    const res = await bed.app.request("/dev/sms.json");
    expect(res.status).toBe(404);
  });
});
