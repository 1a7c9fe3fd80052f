import { randomBytes } from "node:crypto";
import { Report, Stats } from "@lapora/core";
import {
  type CheckedApp,
  checkedApp,
  createLocalStatsDeps,
  createTestDeps,
  LOCAL_AUDIENCE,
  reportFields,
  TEST_ISSUER,
} from "@lapora/testkit";
import { generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "./app";

// Cognito is not emulated: tokens come from the local issuer, which signs the same claims Cognito does,
// and the API checks them with the same verifier it uses in AWS (only the key source differs).

type Deps = Awaited<ReturnType<typeof createTestDeps>>;
let deps: Deps;
let app: CheckedApp;
let reportId: string;
let seq = 0;

const OFFICERS = {
  spkt: "80010001",
  "bhabinkamtibmas (desa)": "80010002",
  "bhabinkamtibmas (other desa)": "80010003",
  "kapolsek (kecamatan)": "80010004",
  "kapolsek (other kecamatan)": "80020004",
  pimpinan: "80010005",
  admin: "80010006",
} as const;
type Who = keyof typeof OFFICERS;

beforeAll(async () => {
  deps = await createTestDeps();
  app = checkedApp(createApp(deps));
  await deps.officers.create(
    {
      nrp: "80020004",
      name: "IPTU Bayu Lencir",
      role: "kapolsek",
      kecamatan: "16.06.09",
      phone: "+6281200020004",
      active: true,
      version: 1,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    },
    [],
  );
  const input = Report.parseReportInput(
    reportFields({ reporter: { anonymous: false, name: "Siti", phone: "081233334444" } }),
  );
  if (!input.ok) throw new Error("fixture");
  ({
    receipt: { id: reportId },
  } = await Report.submit(deps.reports, input.value));
  // A photo already processed (slot 1) and a published week, so the evidence and statistics routes have
  // something to show to whoever may see it.
  const at = new Date().toISOString();
  const slot = {
    reportId,
    slot: 1,
    status: "issued" as const,
    contentType: "image/jpeg" as const,
    formId: "f1",
    issuedAt: at,
  };
  await deps.evidence.store.issueSlot(slot);
  const attached = {
    ...slot,
    status: "attached" as const,
    detectedType: "image/jpeg" as const,
    bytes: 3,
    sha256: "ab".repeat(32),
    attachedAt: at,
  };
  await deps.evidence.store.attach(attached, {
    subject: `report:${reportId}`,
    auditId: `${at}#fixture`,
    at,
    actorNrp: "system",
    actorRole: "system",
    action: "evidence_attached",
  });
  await Stats.runWeek(await createLocalStatsDeps(deps, inject("snsEndpoint")), WEEK);
});

const WEEK = Stats.lastCompletedWeek(new Date());

const newNrp = () => `7${String(Date.now() % 1e6).padStart(6, "0")}${(seq++ % 10).toString()}`;

async function freshOfficer(): Promise<{ nrp: string; version: number }> {
  const nrp = newNrp();
  const now = new Date().toISOString();
  await deps.officers.create(
    {
      nrp,
      name: "Brigpol Uji",
      role: "spkt",
      phone: "+6281299990000",
      active: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    [],
  );
  return { nrp, version: 1 };
}

/** A fresh report held in quarantine (a bot trap caught it), for SPKT to release or discard. */
async function heldReport(): Promise<string> {
  const input = Report.parseReportInput(reportFields());
  if (!input.ok) throw new Error("fixture");
  const admission = { counters: [], trap: "no-form" as const, secondsLeft: 60 };
  return (await Report.submit(deps.reports, input.value, { admission })).receipt.id;
}

/** Each officer route, and how to call it; `needs` builds a body that is valid at the time of the call. */
const ROUTES: { name: string; call: () => Promise<{ method: string; path: string; body?: unknown }> }[] = [
  { name: "GET /api/officer/me", call: async () => ({ method: "GET", path: "/api/officer/me" }) },
  {
    name: "GET /api/officer/reports",
    call: async () => ({ method: "GET", path: "/api/officer/reports?kecamatan=16.06.01" }),
  },
  {
    name: "GET /api/officer/reports/{id}",
    call: async () => ({ method: "GET", path: `/api/officer/reports/${reportId}` }),
  },
  {
    name: "GET /api/officer/reports/{id}/evidence",
    call: async () => ({ method: "GET", path: `/api/officer/reports/${reportId}/evidence` }),
  },
  {
    name: "POST /api/officer/reports/{id}/evidence/{slot}/original",
    call: async () => ({ method: "POST", path: `/api/officer/reports/${reportId}/evidence/1/original` }),
  },
  {
    name: "GET /api/officer/stats/weekly/{week}",
    call: async () => ({ method: "GET", path: `/api/officer/stats/weekly/${WEEK}` }),
  },
  {
    name: "GET /api/officer/reports/{id}/audit",
    call: async () => ({ method: "GET", path: `/api/officer/reports/${reportId}/audit` }),
  },
  {
    name: "POST /api/officer/reports/{id}/actions",
    call: async () => ({
      method: "POST",
      path: `/api/officer/reports/${reportId}/actions`,
      body: {
        action: "note",
        public: false,
        note: "Sudah dihubungi.",
        version: (await deps.reports.getById(reportId))?.version,
      },
    }),
  },
  {
    name: "GET /api/officer/reports/{id}/assignees",
    call: async () => ({ method: "GET", path: `/api/officer/reports/${reportId}/assignees` }),
  },
  {
    name: "POST /api/officer/reports/{id}/ack",
    call: async () => ({
      method: "POST",
      path: `/api/officer/reports/${reportId}/ack`,
      body: { via: "konsol" },
    }),
  },
  {
    name: "GET /api/officer/reports/{id}/thread",
    call: async () => ({ method: "GET", path: `/api/officer/reports/${reportId}/thread` }),
  },
  {
    name: "POST /api/officer/reports/{id}/thread",
    call: async () => ({
      method: "POST",
      path: `/api/officer/reports/${reportId}/thread`,
      body: { text: "Apakah ada saksi lain?" },
    }),
  },
  { name: "GET /api/officer/push/key", call: async () => ({ method: "GET", path: "/api/officer/push/key" }) },
  {
    name: "GET /api/officer/push/devices",
    call: async () => ({ method: "GET", path: "/api/officer/push/devices" }),
  },
  {
    name: "POST /api/officer/push/devices",
    call: async () => ({
      method: "POST",
      path: "/api/officer/push/devices",
      // A subscription of Chrome's push service (FCM), each call a new one.
      body: {
        subscription: {
          endpoint: `https://fcm.googleapis.com/fcm/send/${randomBytes(12).toString("base64url")}`,
          keys: {
            p256dh: randomBytes(65).toString("base64url"),
            auth: randomBytes(16).toString("base64url"),
          },
        },
        label: "HP dinas",
      },
    }),
  },
  {
    // Nobody's device: an officer can remove only their own, so everyone gets 404 here.
    name: "DELETE /api/officer/push/devices/{deviceId}",
    call: async () => ({ method: "DELETE", path: "/api/officer/push/devices/no-such-device" }),
  },
  {
    name: "GET /api/officer/quarantine",
    call: async () => ({ method: "GET", path: "/api/officer/quarantine" }),
  },
  {
    name: "POST /api/officer/quarantine/{id}/release",
    call: async () => ({ method: "POST", path: `/api/officer/quarantine/${await heldReport()}/release` }),
  },
  {
    name: "POST /api/officer/quarantine/{id}/discard",
    call: async () => ({ method: "POST", path: `/api/officer/quarantine/${await heldReport()}/discard` }),
  },
  { name: "GET /api/admin/officers", call: async () => ({ method: "GET", path: "/api/admin/officers" }) },
  {
    name: "POST /api/admin/officers",
    call: async () => ({
      method: "POST",
      path: "/api/admin/officers",
      body: { nrp: newNrp(), name: "Bripda Baru", role: "pimpinan", phone: "0812 1111 2222" },
    }),
  },
  {
    name: "PATCH /api/admin/officers/{nrp}",
    call: async () => {
      const { nrp, version } = await freshOfficer();
      return {
        method: "PATCH",
        path: `/api/admin/officers/${nrp}`,
        body: { name: "Brigpol Ganti", role: "spkt", phone: "081299990000", active: true, version },
      };
    },
  },
  {
    name: "POST /api/admin/officers/{nrp}/deactivate",
    call: async () => {
      const { nrp, version } = await freshOfficer();
      return { method: "POST", path: `/api/admin/officers/${nrp}/deactivate`, body: { version } };
    },
  },
  {
    name: "GET /api/admin/officers/{nrp}/audit",
    call: async () => ({ method: "GET", path: "/api/admin/officers/80010002/audit" }),
  },
  {
    name: "GET /api/admin/officers/{nrp}/push-devices",
    call: async () => ({ method: "GET", path: "/api/admin/officers/80010002/push-devices" }),
  },
];

// The expected status for each route and officer (in the order of OFFICERS). The report lies in desa
// Soak Baru, kecamatan Sekayu: the "other" officers work elsewhere.
const EXPECTED: Record<string, number[]> = {
  "GET /api/officer/me": [200, 200, 200, 200, 200, 200, 200],
  "GET /api/officer/reports": [200, 200, 403, 200, 403, 200, 200],
  "GET /api/officer/reports/{id}": [200, 200, 403, 200, 403, 200, 200],
  "GET /api/officer/reports/{id}/audit": [200, 200, 403, 200, 403, 200, 200],
  "GET /api/officer/reports/{id}/evidence": [200, 200, 403, 200, 403, 200, 200],
  "POST /api/officer/reports/{id}/evidence/{slot}/original": [200, 403, 403, 403, 403, 403, 200],
  "GET /api/officer/stats/weekly/{week}": [200, 403, 403, 403, 403, 200, 403],
  "POST /api/officer/reports/{id}/actions": [200, 200, 403, 200, 403, 403, 403],
  "GET /api/officer/reports/{id}/assignees": [200, 403, 403, 200, 403, 403, 403],
  "POST /api/officer/reports/{id}/ack": [200, 200, 403, 200, 403, 200, 200],
  "GET /api/officer/reports/{id}/thread": [200, 200, 403, 200, 403, 200, 200],
  "POST /api/officer/reports/{id}/thread": [201, 201, 403, 201, 403, 403, 403],
  "GET /api/officer/push/key": [200, 200, 200, 200, 200, 200, 200],
  "GET /api/officer/push/devices": [200, 200, 200, 200, 200, 200, 200],
  "POST /api/officer/push/devices": [201, 201, 201, 201, 201, 201, 201],
  "DELETE /api/officer/push/devices/{deviceId}": [404, 404, 404, 404, 404, 404, 404],
  "GET /api/officer/quarantine": [200, 403, 403, 403, 403, 403, 403],
  "POST /api/officer/quarantine/{id}/release": [200, 403, 403, 403, 403, 403, 403],
  "POST /api/officer/quarantine/{id}/discard": [200, 403, 403, 403, 403, 403, 403],
  "GET /api/admin/officers": [403, 403, 403, 403, 403, 403, 200],
  "POST /api/admin/officers": [403, 403, 403, 403, 403, 403, 201],
  "PATCH /api/admin/officers/{nrp}": [403, 403, 403, 403, 403, 403, 200],
  "POST /api/admin/officers/{nrp}/deactivate": [403, 403, 403, 403, 403, 403, 200],
  "GET /api/admin/officers/{nrp}/audit": [403, 403, 403, 403, 403, 403, 200],
  "GET /api/admin/officers/{nrp}/push-devices": [403, 403, 403, 403, 403, 403, 200],
};

async function send(route: (typeof ROUTES)[number], token?: string) {
  const { method, path, body } = await route.call();
  return app.request(path, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function forgedToken(username: string) {
  const { privateKey } = await generateKeyPair("RS256");
  return new SignJWT({ "cognito:username": username, token_use: "id" })
    .setProtectedHeader({ alg: "RS256", kid: "lapora-local-1" })
    .setIssuer(TEST_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(privateKey);
}

const BAD_TOKENS: [string, () => Promise<string | undefined>][] = [
  ["no token", async () => undefined],
  ["bad signature", () => forgedToken(OFFICERS.admin)],
  ["expired", () => deps.issuer.sign(OFFICERS.admin, { expiresInSeconds: -60 })],
  ["wrong audience", () => deps.issuer.sign(OFFICERS.admin, { audience: "someone-elses-app" })],
];

describe("authorisation matrix: every officer route", () => {
  it("covers every officer and admin route the app has", () => {
    const appRoutes = app.routes
      .filter((r) => r.method !== "ALL" && /^\/api\/(officer|admin)\//.test(r.path))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect([...new Set(appRoutes)].sort()).toEqual(ROUTES.map((r) => r.name).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(ROUTES.map((r) => r.name).sort());
  });

  for (const route of ROUTES) {
    describe(route.name, () => {
      for (const [label, token] of BAD_TOKENS) {
        it(`${label} -> 401`, async () => {
          const res = await send(route, await token());
          expect(res.status).toBe(401);
          expect(res.headers.get("WWW-Authenticate")).toBe("Bearer");
        });
      }
      (Object.keys(OFFICERS) as Who[]).forEach((who, i) => {
        const expected = EXPECTED[route.name]?.[i];
        it(`${who} -> ${expected}`, async () => {
          const res = await send(route, await deps.issuer.sign(OFFICERS[who]));
          expect(res.status, await res.clone().text()).toBe(expected);
        });
      });
    });
  }

  it("refuses a valid token of a deactivated officer", async () => {
    const { nrp } = await freshOfficer();
    const token = await deps.issuer.sign(nrp);
    expect(
      (await app.request("/api/officer/me", { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const admin = await deps.issuer.sign(OFFICERS.admin);
    const off = await app.request(`/api/admin/officers/${nrp}/deactivate`, {
      method: "POST",
      headers: { Authorization: `Bearer ${admin}`, "Content-Type": "application/json" },
      body: JSON.stringify({ version: 1 }),
    });
    expect(off.status).toBe(200);
    expect(
      (await app.request("/api/officer/me", { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(403);
  });
});
