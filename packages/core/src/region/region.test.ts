import { describe, expect, it } from "vitest";
import { loadMusiBanyuasin } from "../../../../scripts/regions-source";
import { desaBelongsTo, findDesa, findKecamatan, isInsideRegency, listKecamatan } from "./region";

describe("Musi Banyuasin regions", () => {
  it("has the 15 kecamatan from Sekayu to Jirak Jaya and 242 desa", () => {
    const kecamatan = listKecamatan();
    expect(kecamatan).toHaveLength(15);
    expect(kecamatan[0]).toMatchObject({ code: "16.06.01", name: "Sekayu" });
    expect(kecamatan[14]).toMatchObject({ code: "16.06.15", name: "Jirak Jaya" });
    expect(kecamatan.reduce((n, k) => n + k.desa.length, 0)).toBe(242);
  });

  it("matches the idn-area-data package it was generated from (run scripts/gen-regions.ts if not)", async () => {
    expect(listKecamatan()).toEqual(await loadMusiBanyuasin());
  });

  it("knows which kecamatan a desa belongs to", () => {
    expect(findDesa("16.06.01.1011")?.kecamatan.name).toBe("Sekayu");
    expect(desaBelongsTo("16.06.01.1011", "16.06.01")).toBe(true);
    expect(desaBelongsTo("16.06.01.1011", "16.06.09")).toBe(false);
    expect(findKecamatan("16.07.01")).toBeUndefined();
    expect(findDesa("16.07.01.2001")).toBeUndefined();
  });

  it("puts Sekayu and Bayung Lencir inside the regency's box, and Bengkulu and Jakarta outside", () => {
    expect(isInsideRegency(-2.88, 103.85)).toBe(true); // Sekayu
    expect(isInsideRegency(-2.05, 103.68)).toBe(true); // Bayung Lencir
    expect(isInsideRegency(-3.8, 102.26)).toBe(false); // Bengkulu
    expect(isInsideRegency(-6.2, 106.82)).toBe(false); // Jakarta
  });
});
