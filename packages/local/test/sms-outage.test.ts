import {
  type AlertsTestbed,
  OFFICER,
  startAlertsTestbed,
  startSwitchableProxy,
  waitUntil,
} from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// The outage is real: report-events publishes to fauxqs through a TCP proxy that cuts every connection
// while "down". Everything else is the local runtime's wiring against the real emulators.

let bed: AlertsTestbed;
let proxy: Awaited<ReturnType<typeof startSwitchableProxy>>;

beforeAll(async () => {
  proxy = await startSwitchableProxy(inject("snsEndpoint"));
  bed = await startAlertsTestbed({ publishEndpoint: proxy.endpoint });
});
afterAll(async () => {
  await bed?.stop();
  await proxy?.close();
});

describe("an SNS outage", () => {
  it("does not stop reports, and every alert arrives exactly once per officer when SNS is back", async () => {
    const reports = [
      { category: "pencurian", happeningNow: true, kecamatan: "16.06.01", desa: "16.06.01.1011" },
      { category: "pencurian", happeningNow: false, kecamatan: "16.06.01", desa: "16.06.01.1012" },
      { category: "kebakaran", happeningNow: true, kecamatan: "16.06.09", desa: "16.06.09.1016" },
      { category: "penganiayaan", happeningNow: false, kecamatan: "16.06.01", desa: "16.06.01.2001" },
    ];
    const expected = [
      { [OFFICER.bhabinSekayu]: 1, [OFFICER.kapolsekSekayu]: 1, [OFFICER.spkt]: 1 },
      { [OFFICER.bhabinSekayu]: 1 },
      { [OFFICER.bhabinBayungLencir]: 1, [OFFICER.spkt]: 1 },
      { [OFFICER.kapolsekSekayu]: 1 },
    ];
    const receipts: { trackingCode: string }[] = [];
    for (const r of reports) receipts.push(await bed.report(r));

    // The stream keeps offering the records and report-events keeps failing them while SNS is down.
    await waitUntil("three failed deliveries", () => bed.alerts.stream.failedAttempts >= 3);
    const none = Object.fromEntries(Object.values(OFFICER).map((nrp) => [nrp, 0]));
    for (const r of receipts) expect(bed.countFor(r.trackingCode)).toEqual(none);

    proxy.set(true);
    const want = expected.map((e) => ({ ...none, ...e }));
    await waitUntil("every alert after the outage", () =>
      receipts.every((r, i) =>
        Object.entries(want[i] ?? {}).every(([nrp, n]) => (bed.countFor(r.trackingCode)[nrp] ?? 0) >= n),
      ),
    );
    // Long enough for a duplicate from any retried batch to show up.
    await new Promise((r) => setTimeout(r, 1500));
    expect(receipts.map((r) => bed.countFor(r.trackingCode))).toEqual(want);
  });
});
