import { Report } from "@lapora/core";
import { type CheckedApp, checkedApp, createTestDeps, readJson, reportFields } from "@lapora/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";

let app: CheckedApp;
let token: string;

beforeAll(async () => {
  const deps = await createTestDeps();
  app = checkedApp(createApp(deps));
  token = await deps.issuer.sign("80010001");
  for (let i = 0; i < 3; i++) {
    const input = Report.parseReportInput(reportFields());
    if (!input.ok) throw new Error("fixture");
    await Report.submit(deps.reports, input.value);
  }
});

const queue = (query: string) =>
  app.request(`/api/officer/reports?${query}`, { headers: { Authorization: `Bearer ${token}` } });

describe("GET /api/officer/reports: the page cursor", () => {
  it("pages with the cursor the previous page gave", async () => {
    const first = await readJson(await queue("limit=2"));
    expect(first.items).toHaveLength(2);
    const next = await queue(`limit=2&cursor=${encodeURIComponent(first.cursor)}`);
    expect(next.status).toBe(200);
    expect((await readJson(next)).items).toHaveLength(1);
  });

  it("answers 400 naming the cursor for one from another query, and for forged ones", async () => {
    const urgent = await readJson(await queue("limit=1&sort=urgent"));
    const forged = [
      urgent.cursor,
      Buffer.from(JSON.stringify({ pk: "$lapora#nrp_80010001", sk: "$officer_1" })).toString("base64url"),
      Buffer.from("{not json").toString("base64url"),
      "AAAA",
    ];
    for (const cursor of forged) {
      const res = await queue(`limit=1&cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, cursor).toBe(400);
      const body = await readJson(res);
      expect(body.details.map((d: { field: string }) => d.field)).toEqual(["cursor"]);
    }
  });
});
