/**
 * What ReportStore, AuditStore and OfficerStore promise, as one suite run against the in-memory fakes
 * (fakes.test.ts) and the DynamoDB adapters on DynamoDB Local (fakes.int.test.ts): a fake that drifts
 * from its adapter fails here, not in a rule's test that trusted it.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditStore } from "../audit/store";
import type { AuditEntry } from "../audit/types";
import type { OfficerStore } from "../officer/store";
import type { Officer } from "../officer/types";
import { create } from "../report/service";
import type { ReportStore } from "../report/store";
import type { IdempotencyRecord, Report } from "../report/types";

export interface RecordStores {
  reports: ReportStore;
  audit: AuditStore;
  officers: OfficerStore;
}

const T0 = Date.parse("2026-11-28T01:00:00.000Z");
const code = () => `LPR-${randomUUID().slice(0, 14).toUpperCase()}`;
function report(at: number, area: Partial<Report> = {}): Report {
  const input = {
    category: "pencurian" as const,
    happeningNow: false,
    kecamatan: "16.06.01",
    desa: "16.06.01.1011",
    occurredAt: new Date(T0 - 3_600_000).toISOString(),
    description: "Motor dicuri di depan masjid.",
    reporter: { anonymous: true as const },
  };
  return { ...create(input, new Date(at), randomUUID(), code()), ...area };
}
const entry = (subject: string, n: number): AuditEntry => ({
  subject,
  auditId: `${new Date(T0 + n).toISOString()}#${n}`,
  at: new Date(T0 + n).toISOString(),
  actorNrp: "80010001",
  actorRole: "spkt",
  action: `step-${n}`,
});
const idem = (r: Report, expiresAt: number): IdempotencyRecord => ({
  key: `report:${randomUUID()}`,
  requestHash: "h",
  reportId: r.reportId,
  response: {
    id: r.reportId,
    trackingCode: r.trackingCode,
    status: r.status,
    priority: r.priority,
    createdAt: r.createdAt,
  },
  createdAt: r.createdAt,
  expiresAt,
});

/** Runs the record stores' contract on the stores `make` gives (made once for the suite). */
export function recordStoresContract(label: string, make: () => Promise<RecordStores>) {
  describe(`record stores: ${label}`, () => {
    let s: RecordStores;
    beforeAll(async () => {
      s = await make();
    });

    it("create a report once per tracking code, and write nothing for a taken code", async () => {
      const first = report(T0);
      expect(await s.reports.create(first)).toBe("created");
      expect(await s.reports.getByTrackingCode(first.trackingCode)).toEqual(first);
      const second = { ...report(T0), trackingCode: first.trackingCode };
      expect(await s.reports.create(second)).toBe("code_taken");
      expect(await s.reports.getById(second.reportId)).toBeUndefined();
    });

    it("hold an idempotency key until it expires, and count an expired record as free", async () => {
      const r = report(T0);
      const nowSeconds = T0 / 1000;
      const record = idem(r, nowSeconds + 60);
      expect(await s.reports.create(r, record)).toBe("created");
      expect((await s.reports.getIdempotency(record.key, nowSeconds + 59))?.reportId).toBe(r.reportId);
      // In the second the key expires, reading and creating agree that it is still taken.
      expect((await s.reports.getIdempotency(record.key, nowSeconds + 60))?.reportId).toBe(r.reportId);
      expect(await s.reports.create(report(T0 + 60_000), { ...record, reportId: "x" })).toBe(
        "idempotency_taken",
      );
      expect(await s.reports.getIdempotency(record.key, nowSeconds + 61)).toBeUndefined();
      const later = report(T0 + 61_000);
      expect(await s.reports.create(later, { ...record, reportId: later.reportId })).toBe("created");
    });

    it("update a report only at the version read, with its audit entries", async () => {
      const r = report(T0);
      await s.reports.create(r);
      const subject = `report:${r.reportId}`;
      const next = { ...r, status: "diverifikasi" as const, version: 2 };
      expect(await s.reports.update(next, 1, [entry(subject, 1)])).toBe("updated");
      expect(await s.reports.update({ ...r, version: 2 }, 1, [entry(subject, 2)])).toBe("stale");
      expect(await s.reports.update({ ...r, reportId: randomUUID() }, 1, [])).toBe("stale");
      expect((await s.reports.getById(r.reportId))?.status).toBe("diverifikasi");
      expect((await s.audit.list(subject)).map((e) => e.action)).toEqual(["step-1"]);
    });

    it("page a kecamatan's queue newest first, and the urgent queue by priority, open reports only", async () => {
      const kecamatan = `k-${randomUUID()}`;
      const mine = [0, 1, 2, 3, 4].map((n) =>
        report(T0 + n * 60_000, { kecamatan, priority: n % 2 ? "darurat" : "rendah", desa: `d${n % 2}` }),
      );
      const closed = { ...(mine[4] as Report), status: "selesai" as const };
      for (const r of [...mine.slice(0, 4), closed]) await s.reports.create(r);
      const ids = (rs: Report[]) => rs.map((r) => r.reportId);
      const pages: Report[][] = [];
      let cursor: string | undefined;
      do {
        const page = await s.reports.queue({
          index: "area",
          kecamatan,
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(2);
        pages.push(page.items);
        cursor = page.cursor ?? undefined;
      } while (cursor);
      expect(ids(pages.flat())).toEqual(ids([...mine].reverse()));
      const within = { desa: ["d0"], assignee: "nobody" };
      const scoped = await s.reports.queue({ index: "area", kecamatan, within, limit: 10 });
      expect(ids(scoped.items)).toEqual(ids([mine[4], mine[2], mine[0]] as Report[]));
      const urgent = await s.reports.queue({ index: "urgent", kecamatan, limit: 10 });
      expect(ids(urgent.items)).toEqual(ids([mine[1], mine[3], mine[0], mine[2]] as Report[]));
    });

    it("list a subject's audit trail oldest first", async () => {
      const subject = `officer:${randomUUID()}`;
      for (const n of [3, 1, 2]) await s.audit.record(entry(subject, n));
      expect((await s.audit.list(subject)).map((e) => e.action)).toEqual(["step-1", "step-2", "step-3"]);
    });

    it("put an NRP on the roster once, and update an officer only at the version read", async () => {
      const nrp = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
      const at = new Date(T0).toISOString();
      const officer: Officer = {
        nrp,
        name: "Bripka Uji",
        role: "spkt",
        phone: "+6281200010001",
        active: true,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      expect(await s.officers.create(officer, [entry(`officer:${nrp}`, 1)])).toBe(true);
      expect(await s.officers.create({ ...officer, name: "Someone Else" }, [])).toBe(false);
      expect(await s.officers.update({ ...officer, active: false, version: 2 }, 1, [])).toBe("updated");
      expect(await s.officers.update({ ...officer, version: 2 }, 1, [])).toBe("stale");
      expect(await s.officers.get(nrp)).toMatchObject({ name: "Bripka Uji", active: false, version: 2 });
      expect((await s.officers.list()).map((o) => o.nrp)).toContain(nrp);
    });
  });
}
