import { describe, expect, it } from "vitest";
import { parseSmsPolicy, planDelivery, SMS_POLICY } from "./sms-rules";

describe("a stage's SMS policy (LAPORA_SMS_POLICY)", () => {
  it("is the defaults when the stage sets nothing", () => {
    expect(parseSmsPolicy(undefined)).toEqual(SMS_POLICY);
    expect(parseSmsPolicy("")).toEqual(SMS_POLICY);
  });

  it("overrides only the fields given, rule by rule", () => {
    const policy = parseSmsPolicy(
      JSON.stringify({ dailyBudget: 40, rules: { tinggi: { when: "unacknowledged", afterMinutes: 10 } } }),
    );
    expect(policy.dailyBudget).toBe(40);
    expect(policy.digestHourWib).toBe(SMS_POLICY.digestHourWib);
    expect(policy.rules).toEqual({
      ...SMS_POLICY.rules,
      tinggi: { when: "unacknowledged", afterMinutes: 10 },
    });
    expect(planDelivery({ priority: "tinggi" }, policy, true)).toEqual({
      push: true,
      sms: "after",
      afterMinutes: 10,
    });
  });

  it("lets a stage send sedang by SMS at once", () => {
    const policy = parseSmsPolicy(JSON.stringify({ rules: { sedang: { when: "now" } } }));
    expect(planDelivery({ priority: "sedang" }, policy, true)).toEqual({ push: true, sms: "now" });
  });

  it("never holds back darurat", () => {
    expect(() => parseSmsPolicy(JSON.stringify({ rules: { darurat: { when: "digest" } } }))).toThrow(
      "darurat must stay `now`",
    );
  });

  it.each([
    ["a negative budget", { dailyBudget: -1 }],
    ["a fractional budget", { dailyBudget: 2.5 }],
    ["an hour past 23", { digestHourWib: 24 }],
    ["a window of 0 minutes", { rules: { tinggi: { when: "unacknowledged", afterMinutes: 0 } } }],
    ["an unknown rule", { rules: { rendah: { when: "sometimes" } } }],
  ])("refuses %s", (_what, given) => {
    expect(() => parseSmsPolicy(JSON.stringify(given))).toThrow();
  });

  it("refuses text that is not JSON", () => {
    expect(() => parseSmsPolicy("dailyBudget=8")).toThrow();
  });
});

describe("what one routed officer gets", () => {
  it.each([
    ["darurat", { push: true, sms: "now" }],
    ["tinggi", { push: true, sms: "after", afterMinutes: 5 }],
    ["sedang", { push: true, sms: "none" }],
    ["rendah", { push: true, sms: "none" }],
  ] as const)("%s, with a push device", (priority, plan) => {
    expect(planDelivery({ priority }, SMS_POLICY, true)).toEqual(plan);
  });

  it.each(["darurat", "tinggi", "sedang", "rendah"] as const)(
    "%s, with no push device: an SMS now",
    (priority) => {
      expect(planDelivery({ priority }, SMS_POLICY, false)).toEqual({ push: false, sms: "now" });
    },
  );
});
