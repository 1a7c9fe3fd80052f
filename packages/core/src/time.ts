/** WIB (Waktu Indonesia Barat, Asia/Jakarta) is UTC+7 all year: Indonesia has no daylight saving. */
export const WIB_OFFSET_MS = 7 * 60 * 60_000;

/** The WIB calendar day (`yyyy-mm-dd`) of an instant. */
export function wibDay(at: Date | string): string {
  const t = typeof at === "string" ? Date.parse(at) : at.getTime();
  return new Date(t + WIB_OFFSET_MS).toISOString().slice(0, 10);
}
