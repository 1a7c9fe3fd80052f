import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Reporter, Stats } from "@lapora/core";
import * as Dynamo from "@lapora/core/dynamo";
import {
  type CheckedApp,
  checkedApp,
  createTestDeps,
  officerReports,
  readJson,
  validReport,
} from "@lapora/testkit";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { clientsFor, retentionDeps } from "../deps";
import { createApp } from "./app";

// The reporter's data lifecycle against DynamoDB Local: the contact of a closed report is erased by the
// retention job RETENTION_DAYS later (a simulated clock: the job is given the day it runs), or at once at
// the reporter's own request (code plus secret).

let deps: Awaited<ReturnType<typeof createTestDeps>>;
let app: CheckedApp;
let retention: Reporter.RetentionDeps;

beforeAll(async () => {
  deps = await createTestDeps();
  app = checkedApp(createApp(deps));
  retention = retentionDeps({
    clients: clientsFor({ dynamoEndpoint: inject("dynamoEndpoint") }),
    names: { table: deps.tableName },
    dynamo: async () => Dynamo,
  });
});

const SPKT = "80010001";
const DAY = 86_400_000;
const NAME = "Siti Rahmawati";
const PHONE = "0813 6666 0101";
const SAFE = "0813 6666 0102";
const LOCATION = { lat: -2.8812, lon: 103.8471 };

const withContact = (overrides: Record<string, unknown> = {}) =>
  validReport({
    category: "kdrt",
    location: LOCATION,
    reporter: {
      anonymous: false,
      name: NAME,
      phone: PHONE,
      smsUpdates: true,
      preferences: {
        sms: true,
        calls: true,
        callFrom: "09:00",
        callTo: "15:00",
        noHomeVisit: true,
        safePhone: SAFE,
      },
    },
    ...overrides,
  });

async function submit(body = withContact()) {
  const res = await app.request("/api/reports", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await readJson(res)) as { id: string; trackingCode: string; reporterSecret: string };
}

const officer = (nrp: string, method: string, path: string, body?: unknown) =>
  officerReports(app, deps.issuer)(nrp, method, path, body);

async function step(id: string, command: Record<string, unknown>) {
  const version = (await deps.reports.getById(id))?.version;
  const res = await officer(SPKT, "POST", `${id}/actions`, { ...command, version });
  expect(res.status).toBe(200);
}

async function resolve(id: string) {
  await step(id, { action: "verify" });
  await step(id, { action: "start" });
  await step(id, { action: "resolve", note: "Pelaku sudah diamankan." });
}

/** Every item of the table that mentions the report's id, as JSON: what the job may have left behind. */
async function itemsOf(reportId: string): Promise<string> {
  const { Items = [] } = await deps.client.send(new ScanCommand({ TableName: deps.tableName }));
  return JSON.stringify(Items.filter((i) => JSON.stringify(i).includes(reportId)));
}

const eraseAsReporter = (code: string, secret: string) =>
  app.request(`/api/reports/track/${code}/reporter/erase-contact`, {
    method: "POST",
    headers: { [Reporter.REPORTER_SECRET_HEADER]: secret },
  });

describe("the retention job", () => {
  it("erases exactly the name, phone, contact wishes and exact location 90 days after closing, audited; a second run does nothing", async () => {
    const r = await submit();
    await resolve(r.id);
    const closed = await deps.reports.getById(r.id);
    if (!closed) throw new Error("report missing");
    expect(closed.reporter.preferences?.safePhone).toBe("+6281366660102");

    // 89 days on, nothing is due; 91 days on, this report is.
    const early = await Reporter.runRetention(retention, new Date(Date.now() + 89 * DAY), 90);
    expect(early.erased).toBe(0);
    expect((await deps.reports.getById(r.id))?.reporter.name).toBe(NAME);
    const due = new Date(Date.now() + 91 * DAY);
    const run = await Reporter.runRetention(retention, due, 90);
    expect(run.erased).toBeGreaterThanOrEqual(1);

    const after = await deps.reports.getById(r.id);
    if (!after) throw new Error("report missing");
    // Exactly the contact goes: everything else is as it was, but the version and the times of the change.
    const { reporter, location, version, updatedAt, ...rest } = closed;
    const { reporter: r2, contactErasedAt, version: v2, updatedAt: u2, ...rest2 } = after;
    expect(location).toEqual(LOCATION);
    expect(reporter.name).toBe(NAME);
    expect(after.location).toBeUndefined();
    expect(r2).toEqual({ anonymous: false });
    expect(rest2).toEqual(rest);
    expect(contactErasedAt).toBe(due.toISOString());
    expect([v2, u2]).toEqual([version + 1, due.toISOString()]);

    // Nothing of her is left in any item of the report: not the report, its audit, its outbox, its marker.
    const items = await itemsOf(r.id);
    for (const secret of [NAME, "+6281366660101", "+6281366660102", "0813", String(LOCATION.lat)]) {
      expect(items).not.toContain(secret);
    }
    const trail = await readJson(await officer(SPKT, "GET", `${r.id}/audit`));
    const erased = trail.items.filter((e: { action: string }) => e.action === "contact_erased");
    expect(erased).toEqual([expect.objectContaining({ actorRole: "system", actorNrp: "system" })]);

    // The week's statistics are the same, before and after.
    const week = Stats.weekOf(closed.createdAt);
    expect(Stats.computeWeek(week, [after], null, due)).toEqual(Stats.computeWeek(week, [closed], null, due));

    // A second run: nothing due, nothing changed.
    const again = await Reporter.runRetention(retention, due, 90);
    expect(again).toMatchObject({ erased: 0, dropped: 0, retried: 0 });
    expect((await deps.reports.getById(r.id))?.version).toBe(v2);
  });

  it("keeps a reopened report's contact while it is open, and counts again from its next closing", async () => {
    const r = await submit();
    await resolve(r.id);
    const say = await app.request(`/api/reports/track/${r.trackingCode}/reporter/say`, {
      method: "POST",
      headers: { [Reporter.REPORTER_SECRET_HEADER]: r.reporterSecret, "Content-Type": "application/json" },
      body: JSON.stringify({ satisfied: false, rating: 1 }),
    });
    expect(say.status).toBe(200);
    expect((await deps.reports.getById(r.id))?.status).toBe("ditangani");

    await Reporter.runRetention(retention, new Date(Date.now() + 91 * DAY), 90);
    expect((await deps.reports.getById(r.id))?.reporter.phone).toBe("+6281366660101");

    await step(r.id, { action: "resolve", note: "Ditangani ulang." });
    await Reporter.runRetention(retention, new Date(Date.now() + 91 * DAY), 90);
    expect((await deps.reports.getById(r.id))?.reporter.phone).toBeUndefined();
  });

  it("erases a rejected report's contact too, and never an open report's", async () => {
    const rejected = await submit();
    await step(rejected.id, { action: "reject", note: "Bukan wewenang kepolisian." });
    const open = await submit();
    await Reporter.runRetention(retention, new Date(Date.now() + 400 * DAY), 90);
    expect((await deps.reports.getById(rejected.id))?.reporter).toEqual({ anonymous: false });
    expect((await deps.reports.getById(open.id))?.reporter.name).toBe(NAME);
  });
});

describe("a report discarded as spam from quarantine", () => {
  it("has its contact erased after the same days as a closed one", async () => {
    // A form filled faster than any person can is held for SPKT's review (abuse/form.ts).
    const held = await submit(withContact({ form: { website: "", fillSeconds: 0 } }));
    expect((await deps.reports.getById(held.id))?.heldReason).toBeDefined();
    const res = await app.request(`/api/officer/quarantine/${held.id}/discard`, {
      method: "POST",
      headers: { Authorization: `Bearer ${await deps.issuer.sign(SPKT)}` },
    });
    expect(res.status).toBe(200);
    await Reporter.runRetention(retention, new Date(Date.now() + 89 * DAY), 90);
    expect((await deps.reports.getById(held.id))?.reporter.name).toBe(NAME);
    await Reporter.runRetention(retention, new Date(Date.now() + 91 * DAY), 90);
    const after = await deps.reports.getById(held.id);
    expect(after?.reporter).toEqual({ anonymous: false });
    expect(after?.location).toBeUndefined();
  });
});

describe("erasure at the reporter's request", () => {
  it("erases her contact at once with code and secret, whatever the status; audited; asking again changes nothing", async () => {
    const r = await submit();
    expect((await eraseAsReporter(r.trackingCode, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")).status).toBe(401);
    expect((await deps.reports.getById(r.id))?.reporter.name).toBe(NAME);

    const res = await eraseAsReporter(r.trackingCode, r.reporterSecret);
    expect(res.status).toBe(200);
    const view = await readJson(res);
    expect(view.contact).toEqual({ held: false, erasedAt: expect.any(String) });
    expect(view.status).toBe("diterima"); // still open: officers go on, without her contact
    expect(view.description).toContain("Sepeda motor");

    const detail = await readJson(await officer(SPKT, "GET", r.id));
    expect(detail.reporter).toEqual({ anonymous: false });
    expect(detail.location).toBeUndefined();
    expect(detail.contactErasedAt).toBe(view.contact.erasedAt);

    const version = (await deps.reports.getById(r.id))?.version;
    expect((await eraseAsReporter(r.trackingCode, r.reporterSecret)).status).toBe(200);
    expect((await deps.reports.getById(r.id))?.version).toBe(version);
    const trail = await readJson(await officer(SPKT, "GET", `${r.id}/audit`));
    expect(trail.items.filter((e: { action: string }) => e.action === "contact_erased")).toEqual([
      expect.objectContaining({ actorRole: "reporter", actorNrp: "pelapor" }),
    ]);
    // Her view before erasure said Lapora holds her contact.
    const other = await submit();
    const before = await app.request(`/api/reports/track/${other.trackingCode}/reporter`, {
      headers: { [Reporter.REPORTER_SECRET_HEADER]: other.reporterSecret },
    });
    expect((await readJson(before)).contact).toEqual({ held: true });
  });
});

describe("contact preferences", () => {
  it("reach only officers who see the contact, with the same audited view", async () => {
    const r = await submit();
    const spkt = await readJson(await officer(SPKT, "GET", r.id));
    expect(spkt.reporter.preferences).toEqual({
      sms: true,
      calls: true,
      callFrom: "09:00",
      callTo: "15:00",
      noHomeVisit: true,
      safePhone: "+6281366660102",
    });
    const trail = await readJson(await officer(SPKT, "GET", `${r.id}/audit`));
    expect(trail.items.map((e: { action: string }) => e.action)).toContain("view_reporter_contact");
    // Pimpinan reads reports but does not call reporters back: no contact, no wishes.
    const pimpinan = await readJson(await officer("80010005", "GET", r.id));
    expect(pimpinan.reporter).toEqual({ anonymous: false });
    // The public view and the reporter's own view carry none of it.
    const track = await app.request(`/api/reports/track/${r.trackingCode}`);
    const text = await track.text();
    expect(text).not.toMatch(/preferences|safePhone|09:00|6281366660102|Siti/);
  });

  it("refuses bad wishes with the field and the reason, and stores nothing", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { sms: true, calls: true, callFrom: "9 pagi", callTo: "15:00" },
        "reporter.preferences.callFrom",
        "reporter.preferences.callHours.invalid",
      ],
      [
        { sms: true, calls: true, callFrom: "09:00" },
        "reporter.preferences.callTo",
        "reporter.preferences.callHours.incomplete",
      ],
      [
        { sms: true, calls: false, callFrom: "09:00", callTo: "15:00" },
        "reporter.preferences.callFrom",
        "reporter.preferences.callHours.without_calls",
      ],
      [
        { sms: true, calls: true, safePhone: "+1 202 555 0100" },
        "reporter.preferences.safePhone",
        "reporter.preferences.safePhone.not_indonesian",
      ],
      [{ sms: true }, "reporter.preferences.calls", "required"],
      [{ sms: true, calls: true, visit: false }, "reporter.preferences.visit", "unknown_field"],
    ];
    const { Count: before } = await deps.client.send(
      new ScanCommand({ TableName: deps.tableName, Select: "COUNT" }),
    );
    for (const [preferences, field, code] of cases) {
      const body = withContact({
        reporter: { anonymous: false, name: NAME, phone: PHONE, preferences },
      });
      const res = await app.request("/api/reports", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(preferences)).toBe(400);
      expect((await readJson(res)).details).toEqual([expect.objectContaining({ field, code })]);
    }
    const { Count: after } = await deps.client.send(
      new ScanCommand({ TableName: deps.tableName, Select: "COUNT" }),
    );
    expect(after).toBe(before);
  });
});

describe("the contact-retention Lambda", () => {
  it("runs the job for its scheduled event's time with RETENTION_DAYS, and logs counts only", async () => {
    const r = await submit();
    await resolve(r.id);
    Object.assign(process.env, {
      TABLE_NAME: deps.tableName,
      DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
      AWS_REGION: "ap-southeast-3",
      RETENTION_DAYS: "30",
    });
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      const { handler } = await import("../jobs/contact-retention");
      // 29 days on, nothing; 31 days on (the EventBridge event's `time`), this report.
      const early = await handler({ time: new Date(Date.now() + 29 * DAY).toISOString() });
      expect(early).toMatchObject({ days: 30, erased: 0 });
      const due = await handler({ time: new Date(Date.now() + 31 * DAY).toISOString() });
      expect(due).toMatchObject({ days: 30, erased: 1 });
    } finally {
      process.stdout.write = write;
    }
    expect((await deps.reports.getById(r.id))?.reporter).toEqual({ anonymous: false });
    const log = written.join("");
    expect(log).toContain("contact retention run");
    for (const secret of [NAME, "6281366660101", "6281366660102", String(LOCATION.lat), r.id]) {
      expect(log).not.toContain(secret);
    }
  });
});
