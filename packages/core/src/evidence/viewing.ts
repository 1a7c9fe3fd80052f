import { randomBytes } from "node:crypto";
import { canDownloadOriginal, ensure, ensureCanRead } from "../access/policy";
import type { AuditStore } from "../audit/store";
import { auditSubject } from "../audit/types";
import { NotFoundError } from "../errors";
import type { Officer } from "../officer/types";
import type { ReportStore } from "../report/store";
import { originalKey, VIEW_URL_TTL_SECONDS } from "./rules";
import type { EvidenceFiles, EvidenceStore } from "./types";

export interface ViewDeps {
  reports: ReportStore;
  audit: AuditStore;
  evidence: { store: EvidenceStore; files: EvidenceFiles };
}

/** A photo as officers see it: facts of the original, and a short-lived link to its clean display copy. */
export interface EvidenceView {
  slot: number;
  contentType: string;
  bytes: number;
  width?: number;
  height?: number;
  sha256: string;
  attachedAt: string;
  /** A presigned GET of the display copy (no EXIF, no GPS), or null where none could be made (HEIC). */
  display: { url: string; expiresAt: string } | null;
}

async function readable(deps: ViewDeps, officer: Officer, reportId: string) {
  const report = await deps.reports.getById(reportId);
  if (!report) throw new NotFoundError("No such report.");
  ensureCanRead(officer, report);
  return report;
}

const attached = async (store: EvidenceStore, reportId: string) =>
  (await store.listSlots(reportId)).filter((s) => s.status === "attached");

/** How many photos a report has received: the most the public tracking page says about them. */
export async function countPhotos(store: EvidenceStore, reportId: string): Promise<number> {
  return (await attached(store, reportId)).length;
}

/** The report's photos for an officer who may read the report: display copies only. */
export async function listForOfficer(deps: ViewDeps, officer: Officer, reportId: string, at = new Date()) {
  await readable(deps, officer, reportId);
  const expiresAt = new Date(at.getTime() + VIEW_URL_TTL_SECONDS * 1000).toISOString();
  const items: EvidenceView[] = [];
  for (const s of await attached(deps.evidence.store, reportId)) {
    const url = s.displayKey
      ? await deps.evidence.files.viewUrl(s.displayKey, { expiresSeconds: VIEW_URL_TTL_SECONDS })
      : undefined;
    items.push({
      slot: s.slot,
      contentType: s.detectedType ?? s.contentType,
      bytes: s.bytes ?? 0,
      ...(s.width ? { width: s.width } : {}),
      ...(s.height ? { height: s.height } : {}),
      sha256: s.sha256 ?? "",
      attachedAt: s.attachedAt ?? "",
      display: url ? { url, expiresAt } : null,
    });
  }
  return { items, canDownloadOriginal: canDownloadOriginal(officer) };
}

const EXTENSION: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
};

/**
 * A short-lived download link of an original, as uploaded (metadata and all), for SPKT and admin only.
 * The audit entry is written before the link leaves the server.
 */
export async function originalForOfficer(
  deps: ViewDeps,
  officer: Officer,
  reportId: string,
  slot: number,
  at = new Date(),
) {
  ensure(canDownloadOriginal(officer), "Only SPKT and admin may download originals.");
  const report = await readable(deps, officer, reportId);
  const item = (await attached(deps.evidence.store, reportId)).find((s) => s.slot === slot);
  if (!item?.sha256) throw new NotFoundError("This report has no such photo.");
  const now = at.toISOString();
  await deps.audit.record({
    subject: auditSubject.report(reportId),
    auditId: `${now}#${randomBytes(4).toString("hex")}`,
    at: now,
    actorNrp: officer.nrp,
    actorRole: officer.role,
    action: "download_original",
    note: `photo ${slot}, sha256 ${item.sha256}`,
  });
  const type = item.detectedType ?? item.contentType;
  const url = await deps.evidence.files.viewUrl(originalKey(reportId, slot), {
    ...(item.versionId ? { versionId: item.versionId } : {}),
    downloadName: `${report.trackingCode}-foto-${slot}.${EXTENSION[type] ?? "bin"}`,
    expiresSeconds: VIEW_URL_TTL_SECONDS,
  });
  return {
    url,
    sha256: item.sha256,
    expiresAt: new Date(at.getTime() + VIEW_URL_TTL_SECONDS * 1000).toISOString(),
  };
}
