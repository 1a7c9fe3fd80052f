import { beforeAll, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError } from "../errors";
import type { Officer } from "../officer/types";
import { DEMO_OFFICERS } from "../testing/demo-officers";
import { addOfficers, freshStores } from "../testing/dynamo-local";
import type { ReportInput } from "./input";
import { QueueParams } from "./queue";
import { create, submit } from "./service";
import { act, getDetail, listQueue, type TriageStores } from "./triage-service";

let stores: TriageStores;
const officer = async (nrp: string) => (await stores.officers.get(nrp)) as Officer;
const input = (o: Partial<ReportInput> = {}): ReportInput => ({
  category: "pencurian",
  happeningNow: false,
  kecamatan: "16.06.01",
  desa: "16.06.01.1011",
  occurredAt: "2026-11-20T00:00:00.000Z",
  description: "Kambing warga hilang dari kandang.",
  reporter: { anonymous: false, name: "Pak Darto", phone: "+6281233334444" },
  ...o,
});
const params = (p: Record<string, string> = {}) => QueueParams.parse(p);

beforeAll(async () => {
  stores = await freshStores();
  await addOfficers(stores.officers, DEMO_OFFICERS);
});

describe("triage against DynamoDB Local", () => {
  it("lets exactly one of ten concurrent officers verify a report, with one audit entry", async () => {
    const { receipt } = await submit(stores.reports, input());
    const spkt = await officer("80010001");
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => act(stores, spkt, receipt.id, { action: "verify", version: 1 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    expect((await stores.reports.getById(receipt.id))?.version).toBe(2);
    const trail = await stores.audit.list(`report:${receipt.id}`);
    expect(trail.filter((a) => a.action === "verify")).toHaveLength(1);
  });

  it("writes the change and its audit entry together or not at all", async () => {
    const { receipt } = await submit(stores.reports, input());
    const before = await stores.reports.getById(receipt.id);
    if (!before) throw new Error("fixture");
    const entry = {
      subject: `report:${receipt.id}`,
      auditId: "2026-11-28T00:00:00.000Z#same",
      at: "2026-11-28T00:00:00.000Z",
      actorNrp: "80010001",
      actorRole: "spkt" as const,
      action: "verify",
    };
    await stores.audit.record(entry);
    // The audit item already exists, so its create fails: the report must stay as it was.
    await expect(
      stores.reports.update({ ...before, status: "diverifikasi", version: 2 }, 1, [entry]),
    ).rejects.toThrow();
    expect(await stores.reports.getById(receipt.id)).toEqual(before);
    // A stale version fails the other way round: no audit entry appears.
    expect(await stores.reports.update({ ...before, version: 6 }, 5, [{ ...entry, auditId: "x#2" }])).toBe(
      "stale",
    );
    expect((await stores.audit.list(`report:${receipt.id}`)).map((a) => a.auditId)).toEqual([entry.auditId]);
  });

  it("audits every view of the reporter's contact, and hides it from pimpinan", async () => {
    const { receipt } = await submit(stores.reports, input());
    const seen = await getDetail(stores, await officer("80010001"), receipt.id);
    expect(seen.reporter).toEqual({ anonymous: false, name: "Pak Darto", phone: "+6281233334444" });
    const leader = await getDetail(stores, await officer("80010005"), receipt.id);
    expect(leader.reporter).toEqual({ anonymous: false });
    const trail = await stores.audit.list(`report:${receipt.id}`);
    expect(trail.map((a) => [a.action, a.actorNrp])).toEqual([["view_reporter_contact", "80010001"]]);
  });
});

describe("the officer queue (GSI queries)", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const t0 = Date.parse("2026-11-27T00:00:00Z");
    const rows: [string, Partial<ReportInput>, number][] = [
      ["sekayu-low", { category: "perjudian" }, 0],
      ["sekayu-urgent", { category: "penganiayaan", happeningNow: true }, 1],
      ["sekayu-other-desa", { desa: "16.06.01.1012" }, 2],
      ["sekayu-far-desa", { desa: "16.06.01.2001" }, 3],
      [
        "bayung",
        { kecamatan: "16.06.09", desa: "16.06.09.1016", category: "karhutla", happeningNow: true },
        4,
      ],
      ["old", { category: "narkoba" }, -3 * 24 * 60],
    ];
    const table = await freshStores();
    await addOfficers(table.officers, DEMO_OFFICERS);
    stores = table;
    for (const [name, o, minutes] of rows) {
      const r = create(
        input(o),
        new Date(t0 + minutes * 60_000),
        `q-${name}`,
        `LPR-QQQQ-QQQQ-QQ${String(minutes).padStart(2, "0").slice(-2)}-${name.length}`,
      );
      ids[name] = r.reportId;
      await stores.reports.create(r);
    }
  });
  const names = (items: { reportId: string }[]) =>
    items.map((i) => Object.keys(ids).find((k) => ids[k] === i.reportId));

  it("shows SPKT every report, newest first, across pages", async () => {
    const spkt = await officer("80010001");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listQueue(stores, spkt, params({ limit: "2", ...(cursor ? { cursor } : {}) }));
      seen.push(...(names(page.items) as string[]));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([
      "bayung",
      "sekayu-far-desa",
      "sekayu-other-desa",
      "sekayu-urgent",
      "sekayu-low",
      "old",
    ]);
  });

  it("puts the most urgent open report first", async () => {
    const page = await listQueue(stores, await officer("80010001"), params({ sort: "urgent", limit: "3" }));
    expect(names(page.items)).toEqual(["sekayu-urgent", "bayung", "old"]);
  });

  it("holds a Kapolsek to their kecamatan and a Bhabinkamtibmas to their desa", async () => {
    const kapolsek = await listQueue(stores, await officer("80010004"), params());
    expect(names(kapolsek.items)).toEqual([
      "sekayu-far-desa",
      "sekayu-other-desa",
      "sekayu-urgent",
      "sekayu-low",
      "old",
    ]);
    const bhabin = await listQueue(stores, await officer("80010002"), params());
    expect(names(bhabin.items)).toEqual(["sekayu-other-desa", "sekayu-urgent", "sekayu-low", "old"]);
    await expect(
      listQueue(stores, await officer("80010004"), params({ kecamatan: "16.06.09" })),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      listQueue(stores, await officer("80010002"), params({ desa: "16.06.01.2001" })),
    ).rejects.toThrow(ForbiddenError);
  });

  it("filters by priority, desa and WIB date range", async () => {
    const spkt = await officer("80010001");
    expect(names((await listQueue(stores, spkt, params({ priority: "darurat" }))).items)).toEqual([
      "bayung",
      "sekayu-urgent",
    ]);
    expect(names((await listQueue(stores, spkt, params({ desa: "16.06.01.1012" }))).items)).toEqual([
      "sekayu-other-desa",
    ]);
    // 2026-11-27T00:00Z is 07:00 WIB on the 27th; "old" was three days earlier.
    expect(
      names((await listQueue(stores, spkt, params({ from: "2026-11-27", to: "2026-11-27" }))).items),
    ).toHaveLength(5);
    expect(names((await listQueue(stores, spkt, params({ to: "2026-11-25" }))).items)).toEqual(["old"]);
  });
});
