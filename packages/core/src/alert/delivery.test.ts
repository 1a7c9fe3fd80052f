import { describe, expect, it } from "vitest";
import { FakeAlertPublisher, FakeMarkerStore } from "../testing/fakes";
import { AlertBusyError, type DeliveryDeps, deliverOnce } from "./delivery";
import type { Alert } from "./types";

const alert: Alert = {
  reportId: "r-1",
  trackingCode: "LPR-0000-0000-0000-0",
  category: "karhutla",
  priority: "darurat",
  kecamatan: "16.06.01",
  desa: "16.06.01.1011",
  kind: "baru",
};
const LEASE_MS = 60_000;

function setup() {
  const clock = { now: 1_800_000_000_000 };
  const markers = new FakeMarkerStore();
  const publisher = new FakeAlertPublisher();
  const deps: DeliveryDeps = { markers, publisher, leaseMs: LEASE_MS, now: () => clock.now };
  return { clock, markers, publisher, deps };
}

describe("an alert is sent once per report and kind", () => {
  it("publishes a new alert and marks it sent with SNS's message id", async () => {
    const { deps, publisher, markers } = setup();
    expect(await deliverOnce(deps, alert)).toBe("published");
    expect(publisher.published).toEqual([alert]);
    expect(markers.marker("r-1", "baru")).toMatchObject({ state: "sent", messageId: "msg-1" });
  });

  it("does not publish again once sent, however often the stream retries", async () => {
    const { deps, publisher, clock } = setup();
    await deliverOnce(deps, alert);
    for (const later of [1, LEASE_MS * 2, 86_400_000]) {
      clock.now += later;
      expect(await deliverOnce(deps, alert)).toBe("already_sent");
    }
    expect(publisher.published).toHaveLength(1);
  });

  it("sends each kind of one report on its own", async () => {
    const { deps, publisher } = setup();
    expect(await deliverOnce(deps, alert)).toBe("published");
    expect(await deliverOnce(deps, { ...alert, kind: "eskalasi-kapolsek", waitedMinutes: 15 })).toBe(
      "published",
    );
    expect(publisher.published.map((a) => a.kind)).toEqual(["baru", "eskalasi-kapolsek"]);
  });
});

describe("a claim held by another run", () => {
  it("is busy within its lease, up to its last millisecond: nothing is published", async () => {
    const { deps, publisher, markers, clock } = setup();
    expect(await markers.claim("r-1", "baru", "other-run", clock.now, LEASE_MS)).toBe("claimed");
    for (const at of [clock.now, clock.now + LEASE_MS]) {
      clock.now = at;
      await expect(deliverOnce(deps, alert)).rejects.toBeInstanceOf(AlertBusyError);
    }
    expect(publisher.published).toEqual([]);
    expect(markers.marker("r-1", "baru")?.claimId).toBe("other-run");
  });

  it("is taken over when its lease has run out (its run crashed), and the alert goes out once", async () => {
    const { deps, publisher, markers, clock } = setup();
    await markers.claim("r-1", "baru", "crashed-run", clock.now, LEASE_MS);
    clock.now += LEASE_MS + 1;
    expect(await deliverOnce(deps, alert)).toBe("published");
    expect(await deliverOnce(deps, alert)).toBe("already_sent");
    expect(publisher.published).toHaveLength(1);
    // The crashed run, coming back late, can neither free nor complete the new holder's marker.
    await markers.release("r-1", "baru", "crashed-run");
    await expect(markers.markSent("r-1", "baru", "crashed-run", "msg-x", clock.now)).rejects.toThrow();
    expect(markers.marker("r-1", "baru")).toMatchObject({ state: "sent", messageId: "msg-1" });
  });
});

describe("when SNS or the marker write fails", () => {
  it("releases the claim after a failed publish, so the retry sends the alert", async () => {
    const { deps, publisher, markers } = setup();
    const outage = new Error("SNS is unavailable");
    publisher.faults.failNext("publish", outage);
    await expect(deliverOnce(deps, alert)).rejects.toBe(outage);
    expect(markers.marker("r-1", "baru")).toBeUndefined();
    // Straight away, not after the lease: a lost emergency SMS must not wait a minute.
    expect(await deliverOnce(deps, alert)).toBe("published");
    expect(publisher.published).toEqual([alert]);
  });

  it("reports the publish error even when the release fails too; the lease then frees the claim", async () => {
    const { deps, publisher, markers, clock } = setup();
    const outage = new Error("SNS is unavailable");
    publisher.faults.failNext("publish", outage);
    markers.faults.failNext("release", new Error("DynamoDB is unavailable"));
    await expect(deliverOnce(deps, alert)).rejects.toBe(outage);
    await expect(deliverOnce(deps, alert)).rejects.toBeInstanceOf(AlertBusyError);
    clock.now += LEASE_MS + 1;
    expect(await deliverOnce(deps, alert)).toBe("published");
    expect(publisher.published).toHaveLength(1);
  });

  it("answers published_unmarked when the SMS went out but the sent marker was not written", async () => {
    const { deps, publisher, markers } = setup();
    markers.faults.failNext("markSent");
    expect(await deliverOnce(deps, alert)).toBe("published_unmarked");
    expect(publisher.published).toHaveLength(1);
    // The claim stays: a retry within the lease does not send a second SMS.
    expect(markers.marker("r-1", "baru")?.state).toBe("sending");
    await expect(deliverOnce(deps, alert)).rejects.toBeInstanceOf(AlertBusyError);
    expect(publisher.published).toHaveLength(1);
  });
});

describe("concurrent runs of one alert", () => {
  it("publish it exactly once; the others are told it is busy or sent", async () => {
    const { deps, publisher, markers } = setup();
    const runs = await Promise.allSettled(Array.from({ length: 8 }, () => deliverOnce(deps, alert)));
    expect(publisher.published).toHaveLength(1);
    const outcomes = runs.map((r) =>
      r.status === "fulfilled" ? r.value : r.reason instanceof AlertBusyError ? "busy" : String(r.reason),
    );
    expect(outcomes.filter((o) => o === "published")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "published").every((o) => o === "busy" || o === "already_sent")).toBe(
      true,
    );
    expect(markers.marker("r-1", "baru")?.state).toBe("sent");
  });

  it("of different reports each publish", async () => {
    const { deps, publisher } = setup();
    const ids = ["r-1", "r-2", "r-3"];
    const outcomes = await Promise.all(ids.map((reportId) => deliverOnce(deps, { ...alert, reportId })));
    expect(outcomes).toEqual(["published", "published", "published"]);
    expect(publisher.published.map((a) => a.reportId).sort()).toEqual(ids);
  });
});
