import { describe, expect, it } from "vitest";
import type { Officer } from "../officer/types";
import { DEMO_OFFICERS } from "../testing/demo-officers";
import {
  FakeAcks,
  FakeFollowUps,
  FakeMarkerStore,
  FakePushDeviceStore,
  FakePushSender,
  FakeSmsBudget,
  FakeSmsSender,
} from "../testing/fakes";
import { type DispatchDeps, dispatchAlert } from "./dispatch";
import { runDigests, runFollowUps } from "./follow-up";
import type { PushDevice } from "./push";
import { routeAlert } from "./route";
import { SMS_POLICY } from "./sms-rules";
import type { Alert } from "./types";

const ROSTER: Officer[] = DEMO_OFFICERS.map((o) => ({
  ...o,
  active: true,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
}));
const SPKT = "80010001";
const BHABIN_SEKAYU = "80010002";
const BHABIN_BAYUNG = "80010003";
const KAPOLSEK = "80010004";

const alert = (priority: Alert["priority"], over: Partial<Alert> = {}): Alert => ({
  reportId: `r-${priority}`,
  trackingCode: "LPR-7K3M-Q9TZ-4HX2-R",
  category: "pencurian",
  priority,
  kecamatan: "16.06.01",
  desa: "16.06.01.1011",
  kind: "baru",
  ...over,
});

function setup(withDevices: readonly string[] = ROSTER.map((o) => o.nrp)) {
  const clock = { now: Date.parse("2026-12-02T03:00:00Z") };
  const devices = new FakePushDeviceStore();
  for (const nrp of withDevices) {
    const device: PushDevice = {
      nrp,
      deviceId: `d-${nrp}`,
      endpoint: `https://fcm.googleapis.com/fcm/send/${nrp}`,
      p256dh: "k",
      auth: "a",
      label: "HP dinas",
      createdAt: "2026-12-01T00:00:00.000Z",
    };
    devices.devices.set(`${nrp}#d-${nrp}`, device);
  }
  const acks = new FakeAcks();
  const deps: DispatchDeps & { acks: FakeAcks } = {
    markers: new FakeMarkerStore(),
    leaseMs: 60_000,
    devices,
    push: new FakePushSender(),
    sms: new FakeSmsSender(),
    budget: new FakeSmsBudget(),
    policy: SMS_POLICY,
    consoleUrl: "https://lapora.test",
    roster: async () => ROSTER,
    followUps: new FakeFollowUps(),
    acks,
    now: () => clock.now,
  };
  const followUpDeps = {
    ...deps,
    statusOf: async () => "diterima" as const,
  };
  return {
    clock,
    deps,
    followUpDeps,
    push: deps.push as FakePushSender,
    sms: deps.sms as FakeSmsSender,
    devices,
    budget: deps.budget as FakeSmsBudget,
  };
}
const pushedTo = (p: FakePushSender) => p.sent.map((s) => s.nrp).sort();
const smsTo = (s: FakeSmsSender) => s.sent.map((m) => m.nrp).sort();

describe("push reaches exactly the officers the SMS rules route to", () => {
  it.each([
    ["rendah", [BHABIN_SEKAYU]],
    ["sedang", [BHABIN_SEKAYU]],
    ["tinggi", [BHABIN_SEKAYU, KAPOLSEK]],
    ["darurat", [SPKT, BHABIN_SEKAYU, KAPOLSEK]],
  ] as const)("a %s report in Soak Baru", async (priority, expected) => {
    const { deps, push } = setup();
    const result = await dispatchAlert(deps, alert(priority));
    expect(pushedTo(push)).toEqual([...expected].sort());
    expect(
      routeAlert(alert(priority), ROSTER)
        .map((o) => o.nrp)
        .sort(),
    ).toEqual([...expected].sort());
    expect(result.routed).toBe(expected.length);
    // Bayung Lencir's Bhabinkamtibmas, pimpinan and admin hear nothing.
    expect(pushedTo(push)).not.toContain(BHABIN_BAYUNG);
  });

  it("an escalation goes to its level only", async () => {
    const { deps, push } = setup();
    await dispatchAlert(deps, alert("tinggi", { kind: "eskalasi-kapolsek", waitedMinutes: 15 }));
    expect(pushedTo(push)).toEqual([KAPOLSEK]);
  });

  it("the notification carries the SMS's facts, never the reporter", async () => {
    const { deps, push } = setup();
    await dispatchAlert(deps, alert("darurat"));
    const message = push.sent[0]?.message;
    expect(message).toMatchObject({
      title: "LAPORA DARURAT: Pencurian",
      body: "Ds. Soak baru, Kec. Sekayu.",
      url: "/konsol/laporan/7K3MQ9TZ4HX2R?dari=notifikasi",
    });
    expect(Object.keys(message ?? {}).sort()).toEqual([
      "body",
      "kind",
      "priority",
      "reportId",
      "tag",
      "title",
      "url",
    ]);
  });
});

describe("when SMS is sent", () => {
  it("darurat: SMS at once to every routed officer, as well as push", async () => {
    const { deps, sms, push } = setup();
    await dispatchAlert(deps, alert("darurat"));
    expect(smsTo(sms)).toEqual([SPKT, BHABIN_SEKAYU, KAPOLSEK].sort());
    expect(push.sent).toHaveLength(3);
  });

  it("tinggi: push now, SMS to each routed officer when the window ends with nobody acknowledging", async () => {
    const { deps, followUpDeps, sms, clock } = setup();
    await dispatchAlert(deps, alert("tinggi"));
    expect(sms.sent).toEqual([]);
    // Within the window: nothing yet.
    clock.now += 4 * 60_000;
    expect(await runFollowUps(followUpDeps, new Date(clock.now))).toMatchObject({ due: 0, sent: 0 });
    clock.now += 61_000;
    expect(await runFollowUps(followUpDeps, new Date(clock.now))).toMatchObject({ due: 2, sent: 2 });
    expect(smsTo(sms)).toEqual([BHABIN_SEKAYU, KAPOLSEK].sort());
    // Done once: later runs send nothing.
    clock.now += 10 * 60_000;
    expect(await runFollowUps(followUpDeps, new Date(clock.now))).toMatchObject({ due: 0 });
    expect(sms.sent).toHaveLength(2);
  });

  it("tinggi: one routed officer's acknowledgement within the window spares every SMS", async () => {
    const { deps, followUpDeps, sms, clock } = setup();
    await dispatchAlert(deps, alert("tinggi"));
    await deps.acks.acknowledge(
      { reportId: "r-tinggi", nrp: BHABIN_SEKAYU, at: new Date(clock.now).toISOString(), via: "notifikasi" },
      {
        subject: "report:r-tinggi",
        auditId: "x",
        at: "x",
        actorNrp: BHABIN_SEKAYU,
        actorRole: "bhabinkamtibmas",
        action: "acknowledged",
      },
    );
    clock.now += 6 * 60_000;
    expect(await runFollowUps(followUpDeps, new Date(clock.now))).toMatchObject({
      due: 2,
      sent: 0,
      dropped: 2,
    });
    expect(sms.sent).toEqual([]);
  });

  it("tinggi: an acknowledgement by someone it was not routed to does not count", async () => {
    const { deps, followUpDeps, sms, clock } = setup();
    await dispatchAlert(deps, alert("tinggi"));
    await deps.acks.acknowledge(
      { reportId: "r-tinggi", nrp: SPKT, at: new Date(clock.now).toISOString(), via: "konsol" },
      {
        subject: "report:r-tinggi",
        auditId: "x",
        at: "x",
        actorNrp: SPKT,
        actorRole: "spkt",
        action: "acknowledged",
      },
    );
    clock.now += 6 * 60_000;
    expect(await runFollowUps(followUpDeps, new Date(clock.now))).toMatchObject({ sent: 2 });
    expect(smsTo(sms)).toEqual([BHABIN_SEKAYU, KAPOLSEK].sort());
  });

  it("tinggi: no follow-up SMS once the report is verified", async () => {
    const { deps, followUpDeps, sms, clock } = setup();
    await dispatchAlert(deps, alert("tinggi"));
    clock.now += 6 * 60_000;
    await runFollowUps({ ...followUpDeps, statusOf: async () => "diverifikasi" }, new Date(clock.now));
    expect(sms.sent).toEqual([]);
  });

  it.each(["sedang", "rendah"] as const)("%s: never an individual SMS to an officer with push", async (p) => {
    const { deps, followUpDeps, sms, clock } = setup();
    expect(await dispatchAlert(deps, alert(p))).toMatchObject({ sms: 0, scheduled: 0 });
    clock.now += 3_600_000;
    await runFollowUps(followUpDeps, new Date(clock.now));
    expect(sms.sent).toEqual([]);
  });

  it("an officer with no push device gets every alert by SMS, as before", async () => {
    const { deps, sms, push } = setup([KAPOLSEK]);
    await dispatchAlert(deps, alert("sedang"));
    expect(smsTo(sms)).toEqual([BHABIN_SEKAYU]);
    expect(push.sent).toEqual([]);
  });
});

describe("faults", () => {
  it("a failing push service: darurat and tinggi fall back to SMS exactly once", async () => {
    const { deps, sms, push, devices } = setup();
    push.mode.set("*", "failed");
    await dispatchAlert(deps, alert("tinggi"));
    await dispatchAlert(deps, alert("tinggi")); // the stream's retry
    expect(smsTo(sms)).toEqual([BHABIN_SEKAYU, KAPOLSEK].sort());
    expect((await devices.list(KAPOLSEK))[0]?.failingSince).toBeDefined();
    await dispatchAlert(deps, alert("darurat"));
    await dispatchAlert(deps, alert("darurat"));
    expect(sms.sent).toHaveLength(2 + 3);
  });

  it("a failing push service: sedang waits for the digest, no SMS now", async () => {
    const { deps, sms, push } = setup();
    push.mode.set("*", "failed");
    await dispatchAlert(deps, alert("sedang"));
    expect(sms.sent).toEqual([]);
  });

  it("410 removes the device; with none left, the officer gets SMS as one without push", async () => {
    const { deps, sms, push, devices } = setup();
    push.mode.set(`d-${BHABIN_SEKAYU}`, "gone");
    expect(await dispatchAlert(deps, alert("sedang"))).toMatchObject({ removedDevices: 1, sms: 1 });
    expect(await devices.list(BHABIN_SEKAYU)).toEqual([]);
    expect(smsTo(sms)).toEqual([BHABIN_SEKAYU]);
  });

  it("SNS down: the error surfaces for a retry, which sends each SMS and push exactly once", async () => {
    const { deps, sms, push } = setup();
    sms.faults.failNext("send", new Error("SNS unavailable"), 3);
    await expect(dispatchAlert(deps, alert("darurat"))).rejects.toThrow("SNS unavailable");
    expect(push.sent).toHaveLength(3); // push did not wait for SNS
    await dispatchAlert(deps, alert("darurat"));
    await dispatchAlert(deps, alert("darurat"));
    expect(smsTo(sms)).toEqual([SPKT, BHABIN_SEKAYU, KAPOLSEK].sort());
    expect(push.sent).toHaveLength(3);
  });
});

describe("the daily SMS budget", () => {
  it("past it, SMS of other priorities stop and darurat still goes, counted", async () => {
    const { deps, sms, budget } = setup([]);
    const policy = { ...SMS_POLICY, dailyBudget: 2 };
    const logged: Record<string, unknown>[] = [];
    const tight = { ...deps, policy, log: (e: Record<string, unknown>) => logged.push(e) };
    // No push devices: every routed officer would get an SMS.
    await dispatchAlert(tight, alert("tinggi", { reportId: "a" })); // 2 SMS: bhabin, kapolsek
    expect(await dispatchAlert(tight, alert("sedang", { reportId: "b" }))).toMatchObject({
      sms: 0,
      overBudget: 1,
    });
    expect(await dispatchAlert(tight, alert("darurat", { reportId: "c" }))).toMatchObject({ sms: 3 });
    expect(sms.sent).toHaveLength(5);
    expect([...budget.days.values()]).toEqual([5]);
    expect(logged.filter((e) => e.outcome === "sms_over_budget").length).toBeGreaterThanOrEqual(4);
  });

  it("past it, a tinggi follow-up is not sent: the report waits for a push acknowledgement", async () => {
    const { deps, followUpDeps, sms, clock } = setup();
    const policy = { ...SMS_POLICY, dailyBudget: 0 };
    await dispatchAlert({ ...deps, policy }, alert("tinggi"));
    clock.now += 6 * 60_000;
    expect(await runFollowUps({ ...followUpDeps, policy }, new Date(clock.now))).toMatchObject({
      due: 2,
      sent: 0,
      overBudget: 2,
    });
    expect(sms.sent).toEqual([]);
    // The same follow-ups under the default budget would have rung both phones.
    const fresh = setup();
    await dispatchAlert(fresh.deps, alert("tinggi"));
    fresh.clock.now += 6 * 60_000;
    expect(await runFollowUps(fresh.followUpDeps, new Date(fresh.clock.now))).toMatchObject({ sent: 2 });
  });

  it("past it, the digest stops", async () => {
    const { followUpDeps, sms, devices, clock } = setup();
    await devices.markFailing(BHABIN_SEKAYU, `d-${BHABIN_SEKAYU}`, "2026-12-02T00:00:00.000Z");
    const digestDeps = {
      ...followUpDeps,
      policy: { ...SMS_POLICY, dailyBudget: 0 },
      openReports: async () => [alert("sedang", { reportId: "o1" })],
    };
    expect(await runDigests(digestDeps, new Date(clock.now))).toMatchObject({
      officers: 1,
      sent: 0,
      overBudget: 1,
    });
    expect(sms.sent).toEqual([]);
  });
});

describe("the digest", () => {
  it("one SMS a day to an officer whose push devices all fail, with open unacknowledged reports", async () => {
    const { deps, followUpDeps, sms, devices, clock } = setup();
    await devices.markFailing(BHABIN_SEKAYU, `d-${BHABIN_SEKAYU}`, "2026-12-02T00:00:00.000Z");
    const open = [alert("sedang", { reportId: "o1" }), alert("rendah", { reportId: "o2" })];
    const digestDeps = { ...followUpDeps, openReports: async () => open };
    const at = new Date(clock.now);
    expect(await runDigests(digestDeps, at)).toMatchObject({ officers: 1, sent: 1 });
    expect(sms.sent).toEqual([
      { nrp: BHABIN_SEKAYU, text: expect.stringMatching(/^LAPORA: 2 laporan terbuka belum Anda terima/) },
    ]);
    expect(await runDigests(digestDeps, new Date(clock.now + 3_600_000))).toMatchObject({ sent: 0 });
    expect(await runDigests(digestDeps, new Date(clock.now + 86_400_000))).toMatchObject({ sent: 1 });
    // Acknowledged reports are not counted; with none open, no digest.
    for (const r of open)
      await deps.acks.acknowledge(
        { reportId: r.reportId, nrp: BHABIN_SEKAYU, at: "x", via: "konsol" },
        {
          subject: "x",
          auditId: r.reportId,
          at: "x",
          actorNrp: BHABIN_SEKAYU,
          actorRole: "bhabinkamtibmas",
          action: "acknowledged",
        },
      );
    expect(await runDigests(digestDeps, new Date(clock.now + 2 * 86_400_000))).toMatchObject({ officers: 0 });
    expect(sms.sent).toHaveLength(2);
  });
});

describe("a report its reporter reopened", () => {
  const reopened = (over: Partial<Alert> = {}) =>
    alert("sedang", { kind: "dibuka-kembali", round: 1, assignee: BHABIN_SEKAYU, ...over });

  it("goes to the officer it is assigned to, and to nobody else", async () => {
    const { deps, push } = setup();
    await dispatchAlert(deps, reopened());
    expect(pushedTo(push)).toEqual([BHABIN_SEKAYU]);
    expect(push.sent[0]?.message).toMatchObject({
      title: "LAPORA DIBUKA LAGI SEDANG: Pencurian",
      body: expect.stringMatching(/belum tertangani/),
    });
  });

  it("assigned to nobody, goes to the Kapolsek of its kecamatan", async () => {
    const { deps, push } = setup();
    const { assignee: _a, ...unassigned } = reopened();
    await dispatchAlert(deps, unassigned);
    expect(pushedTo(push)).toEqual([KAPOLSEK]);
  });

  it("alerts once per reopening: a retry sends nothing, a second round sends again", async () => {
    const { deps, push, sms } = setup([]);
    await dispatchAlert(deps, reopened());
    await dispatchAlert(deps, reopened());
    await dispatchAlert(deps, reopened({ round: 2 }));
    expect(smsTo(sms)).toEqual([BHABIN_SEKAYU, BHABIN_SEKAYU]);
    expect(sms.sent[0]?.text).toMatch(
      /^LAPORA DIBUKA LAGI SEDANG: Pencurian di Ds\. .* pelapor: blm tertangani\. /,
    );
    expect(push.sent).toEqual([]);
  });
});
