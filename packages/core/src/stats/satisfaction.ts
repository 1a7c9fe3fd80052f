import { findKecamatan, listKecamatan } from "../region/region";
import { targetView } from "../report/targets";
import type { Report } from "../report/types";
import { median } from "./median";

/** The reporters' say about a group of reports: how many answered, the share satisfied, the median stars. */
export interface Satisfaction {
  n: number;
  satisfiedShare: number | null;
  medianRating: number | null;
}

/** Of a group's reports with a verdict on a target, how many, and the share that met it. */
export interface TargetShare {
  n: number;
  share: number | null;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The say of the reporters of these reports, as answered when the figures are made. */
export function satisfactionOf(reports: readonly Report[]): Satisfaction {
  const said = reports.flatMap((r) => (r.feedback ? [r.feedback] : []));
  return {
    n: said.length,
    satisfiedShare: said.length ? round3(said.filter((f) => f.satisfied).length / said.length) : null,
    medianRating: median(said.map((f) => f.rating)),
  };
}

/** Satisfaction in each kecamatan, every kecamatan listed (0 answers where none). */
export function satisfactionByKecamatan(reports: readonly Report[]) {
  return listKecamatan().map(({ code }) => ({
    code,
    name: findKecamatan(code)?.name ?? code,
    ...satisfactionOf(reports.filter((r) => r.kecamatan === code)),
  }));
}

/**
 * How the reports did against their service targets at `at`: of those checked (or past the time to be),
 * the share checked in time; of those resolved (or open past the time to be), the share resolved in time.
 */
export function withinTarget(
  reports: readonly Report[],
  at: Date,
): { verify: TargetShare; resolve: TargetShare } {
  const views = reports.map((r) => targetView(r, at)).filter((v) => v !== undefined);
  const share = (verdicts: (boolean | undefined)[]): TargetShare => {
    const known = verdicts.filter((v): v is boolean => v !== undefined);
    return {
      n: known.length,
      share: known.length ? round3(known.filter(Boolean).length / known.length) : null,
    };
  };
  return { verify: share(views.map((v) => v.verifyMet)), resolve: share(views.map((v) => v.resolveMet)) };
}
