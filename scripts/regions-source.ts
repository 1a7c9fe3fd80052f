import { getDistricts, getVillages } from "idn-area-data";

export interface SourceKecamatan {
  code: string;
  name: string;
  desa: { code: string; name: string }[];
}

/** Reads the Musi Banyuasin (16.06) kecamatan and desa from idn-area-data, sorted by code. */
export async function loadMusiBanyuasin(): Promise<SourceKecamatan[]> {
  const [districts, villages] = await Promise.all([getDistricts(), getVillages()]);
  return districts
    .filter((d) => d.regency_code === "16.06")
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((d) => ({
      code: d.code,
      name: d.name,
      desa: villages
        .filter((v) => v.district_code === d.code)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((v) => ({ code: v.code, name: v.name })),
    }));
}
