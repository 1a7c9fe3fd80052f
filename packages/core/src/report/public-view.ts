import { findDesa, findKecamatan } from "../region/region";
import type { Category } from "./category";
import type { Priority } from "./priority";
import type { Status } from "./status";
import { type TargetView, targetView } from "./targets";
import type { Report, TimelineEntry } from "./types";

/**
 * What anyone holding the tracking code sees. No reporter identity, no coordinates and no description, by
 * construction: what the reporter wrote is in their own view (code plus secret, reporter/view.ts), so a
 * code seen over a shoulder or on a shared phone tells no one what happened.
 */
export interface PublicReportView {
  trackingCode: string;
  status: Status;
  priority: Priority;
  category: Category;
  kecamatan: { code: string; name: string };
  desa: { code: string; name: string };
  createdAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
  /** How many photos the report has received: a count only, never the photos themselves. */
  photos: number;
  /** The service targets and whether they were met (absent on reports from before targets existed). */
  targets?: TargetView;
}

/**
 * Builds the public view field by field (never by copying and deleting), so a field added to Report
 * later stays private until someone decides otherwise. `photos` is the number of photos received
 * (Evidence.countPhotos); they live beside the report, not in it.
 */
export function toPublicView(report: Report, photos = 0, now = new Date()): PublicReportView {
  const targets = targetView(report, now);
  return {
    trackingCode: report.trackingCode,
    status: report.status,
    priority: report.priority,
    category: report.category,
    kecamatan: { code: report.kecamatan, name: findKecamatan(report.kecamatan)?.name ?? report.kecamatan },
    desa: { code: report.desa, name: findDesa(report.desa)?.desa.name ?? report.desa },
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    timeline: report.timeline.map(({ at, status, note }) =>
      note === undefined ? { at, status } : { at, status, note },
    ),
    photos,
    ...(targets ? { targets } : {}),
  };
}
