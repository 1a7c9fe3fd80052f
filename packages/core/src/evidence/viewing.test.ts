import { beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "../errors";
import type { Role } from "../officer/roles";
import type { Officer } from "../officer/types";
import { create } from "../report/service";
import { fakeStores } from "../testing/fakes";
import type { ContentType } from "./rules";
import { displayKey, VIEW_URL_TTL_SECONDS } from "./rules";
import { countPhotos, listForOfficer, originalForOfficer } from "./viewing";

const ID = "0b6c7a8e-5f5d-4a55-9b62-6b5f1f0e3c11";
const CODE = "LPR-7K3M-9QXD-2WPA-5";
const AT = new Date("2026-11-28T02:00:00.000Z");
const EXPIRES = new Date(AT.getTime() + VIEW_URL_TTL_SECONDS * 1000).toISOString();

const NRP: Record<Role, string> = {
  spkt: "80010001",
  bhabinkamtibmas: "80010002",
  kapolsek: "80010004",
  pimpinan: "80010005",
  admin: "80010006",
};
const officer = (role: Role, area: Partial<Officer> = {}): Officer => ({
  nrp: NRP[role],
  name: role,
  role,
  phone: "+6281200010001",
  active: true,
  version: 1,
  createdAt: AT.toISOString(),
  updatedAt: AT.toISOString(),
  ...area,
});
const spkt = officer("spkt");
const admin = officer("admin");
const bhabin = officer("bhabinkamtibmas", { kecamatan: "16.06.01", desa: ["16.06.01.1011"] });
const elsewhere = officer("kapolsek", { kecamatan: "16.06.09" });

let s: ReturnType<typeof fakeStores>;
const deps = () => ({ reports: s.reports, audit: s.audit, evidence: s.evidence });

async function slot(
  n: number,
  type: ContentType,
  attach: { display: boolean; versionId: string } | "issued" | "rejected",
) {
  const issued = {
    reportId: ID,
    slot: n,
    status: "issued" as const,
    contentType: type,
    formId: `f${n}`,
    issuedAt: "x",
  };
  await s.evidence.store.issueSlot(issued);
  if (attach === "rejected") return s.evidence.store.reject(ID, n, `f${n}`, "type", AT.toISOString());
  if (attach === "issued") return;
  const at = AT.toISOString();
  const attached = await s.evidence.store.attach(
    {
      ...issued,
      status: "attached",
      detectedType: type,
      bytes: 1000 * n,
      sha256: `sha-${n}`,
      width: 1600,
      height: 1200,
      versionId: attach.versionId,
      attachedAt: at,
      ...(attach.display ? { displayKey: displayKey(ID, n) } : {}),
    },
    {
      subject: `report:${ID}`,
      auditId: `${at}#${n}`,
      at,
      actorNrp: "evidence-uploaded",
      actorRole: "system",
      action: "evidence_received",
    },
  );
  expect(attached).toBe(true);
}

beforeEach(async () => {
  s = fakeStores();
  const report = create(
    {
      category: "pencurian",
      happeningNow: false,
      kecamatan: "16.06.01",
      desa: "16.06.01.1011",
      occurredAt: "2026-11-28T00:00:00.000Z",
      description: "Motor dicuri di depan masjid.",
      reporter: { anonymous: true },
    },
    AT,
    ID,
    CODE,
  );
  expect(await s.reports.create(report)).toBe("created");
  await slot(1, "image/jpeg", { display: true, versionId: "v-1" });
  await slot(2, "image/heic", { display: false, versionId: "v-2" });
  await slot(3, "image/png", "issued");
  await slot(4, "image/webp", "rejected");
  s.journal.length = 0;
});

describe("photos as officers see them", () => {
  it("counts only received photos for the tracking page", async () => {
    expect(await countPhotos(s.evidence.store, ID)).toBe(2);
    expect(await countPhotos(s.evidence.store, "no-such-report")).toBe(0);
  });

  it("lists only attached photos, with links to display copies and none for a HEIC without one", async () => {
    const { items, canDownloadOriginal } = await listForOfficer(deps(), bhabin, ID, AT);
    expect(canDownloadOriginal).toBe(false);
    expect(items).toEqual([
      {
        slot: 1,
        contentType: "image/jpeg",
        bytes: 1000,
        width: 1600,
        height: 1200,
        sha256: "sha-1",
        attachedAt: AT.toISOString(),
        display: { url: expect.stringContaining(`/display/${ID}/1.jpg?`), expiresAt: EXPIRES },
      },
      expect.objectContaining({ slot: 2, contentType: "image/heic", display: null }),
    ]);
    // Never a link to an original (EXIF, GPS) in a list.
    expect(s.journal.filter((e) => e.startsWith("files.viewUrl"))).toEqual([
      `files.viewUrl display/${ID}/1.jpg`,
    ]);
  });

  it("tells SPKT and admin they may download originals", async () => {
    expect((await listForOfficer(deps(), spkt, ID, AT)).canDownloadOriginal).toBe(true);
    expect((await listForOfficer(deps(), admin, ID, AT)).canDownloadOriginal).toBe(true);
  });

  it("refuses an officer outside the report's area, and an unknown report, without signing a link", async () => {
    await expect(listForOfficer(deps(), elsewhere, ID, AT)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listForOfficer(deps(), spkt, "no-such-report", AT)).rejects.toBeInstanceOf(NotFoundError);
    expect(s.journal.filter((e) => e.startsWith("files."))).toEqual([]);
  });
});

describe("downloading an original", () => {
  it.each([spkt, admin])("is for $role, audited before the link to that version is made", async (who) => {
    const result = await originalForOfficer(deps(), who, ID, 1, AT);
    expect(result).toEqual({
      url: expect.stringContaining(`/evidence/${ID}/1?`),
      sha256: "sha-1",
      expiresAt: EXPIRES,
    });
    const url = new URL(result.url);
    expect(url.searchParams.get("versionId")).toBe("v-1");
    expect(url.searchParams.get("response-content-disposition")).toBe(
      `attachment; filename="${CODE}-foto-1.jpg"`,
    );
    const writes = s.journal.filter((e) => e.startsWith("audit.") || e.startsWith("files."));
    expect(writes).toEqual([`audit.record report:${ID} download_original`, `files.viewUrl evidence/${ID}/1`]);
    // The fixture's own entry has the same time, and entries of one instant sort by their random suffix.
    const downloads = (await s.audit.list(`report:${ID}`)).filter((e) => e.action === "download_original");
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({
      at: AT.toISOString(),
      actorNrp: who.nrp,
      actorRole: who.role,
      action: "download_original",
      note: "photo 1, sha256 sha-1",
    });
  });

  it("names a HEIC original .heic", async () => {
    const { url } = await originalForOfficer(deps(), spkt, ID, 2, AT);
    expect(new URL(url).searchParams.get("response-content-disposition")).toContain(`${CODE}-foto-2.heic`);
  });

  it("gives no link when the audit entry cannot be written", async () => {
    s.audit.faults.failNext("record");
    await expect(originalForOfficer(deps(), spkt, ID, 1, AT)).rejects.toThrow();
    expect(s.journal.filter((e) => e.startsWith("files."))).toEqual([]);
  });

  it.each([
    ["Kapolsek", officer("kapolsek", { kecamatan: "16.06.01" })],
    ["Bhabinkamtibmas", bhabin],
    ["pimpinan", officer("pimpinan")],
    ["Kapolsek of another kecamatan", elsewhere],
  ])("is Forbidden to a %s, and leaves no trace", async (_, who) => {
    await expect(originalForOfficer(deps(), who, ID, 1, AT)).rejects.toBeInstanceOf(ForbiddenError);
    expect(s.journal.filter((e) => e.startsWith("audit.record") || e.startsWith("files."))).toEqual([]);
  });

  it.each([
    ["an unknown report", "no-such-report", 1],
    ["a slot still waiting for its upload", ID, 3],
    ["a refused upload", ID, 4],
    ["a slot never issued", ID, 5],
  ])("is NotFound for %s, with nothing audited", async (_, reportId, n) => {
    await expect(originalForOfficer(deps(), spkt, reportId, n, AT)).rejects.toBeInstanceOf(NotFoundError);
    expect(s.journal.filter((e) => e.startsWith("audit.record") || e.startsWith("files."))).toEqual([]);
  });
});
