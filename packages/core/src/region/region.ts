import { KECAMATAN, REGENCY } from "./data";
import type { Desa, Kecamatan } from "./types";

export type { Desa, Kecamatan } from "./types";
export { REGENCY };

const kecamatanByCode = new Map(KECAMATAN.map((k) => [k.code, k]));
const desaByCode = new Map(
  KECAMATAN.flatMap((k) => k.desa.map((d) => [d.code, { desa: d, kecamatan: k }] as const)),
);

/**
 * The regency's extent as a bounding box, with a small margin. Musi Banyuasin lies between about
 * 1.3° and 3.2° south and 103.0° and 104.8° east; a report's optional GPS point must fall inside.
 * A box, not the border: no maintained package ships the boundary polygon, and a coarse check only has
 * to stop points that are plainly elsewhere (a phone's stale fix in Jakarta, a 0,0 default).
 */
export const EXTENT = { minLat: -3.35, maxLat: -1.25, minLon: 102.9, maxLon: 104.9 } as const;

/** All 15 kecamatan of Musi Banyuasin, each with its desa/kelurahan, sorted by Kemendagri code. */
export function listKecamatan(): readonly Kecamatan[] {
  return KECAMATAN;
}

/** The kecamatan with this Kemendagri code (e.g. `16.06.01`), if it lies in Musi Banyuasin. */
export function findKecamatan(code: string): Kecamatan | undefined {
  return kecamatanByCode.get(code);
}

/** The desa with this Kemendagri code (e.g. `16.06.01.1011`) and the kecamatan it belongs to. */
export function findDesa(code: string): { desa: Desa; kecamatan: Kecamatan } | undefined {
  return desaByCode.get(code);
}

/** True when `desaCode` is a desa of the kecamatan `kecamatanCode`. */
export function desaBelongsTo(desaCode: string, kecamatanCode: string): boolean {
  return desaByCode.get(desaCode)?.kecamatan.code === kecamatanCode;
}

/** True when the point lies within the regency's extent. */
export function isInsideRegency(lat: number, lon: number): boolean {
  return lat >= EXTENT.minLat && lat <= EXTENT.maxLat && lon >= EXTENT.minLon && lon <= EXTENT.maxLon;
}
