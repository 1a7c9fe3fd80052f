export const CATEGORIES = [
  "pencurian",
  "penganiayaan",
  "narkoba",
  "kdrt",
  "kekerasan-seksual",
  "penipuan",
  "kecelakaan",
  "kebakaran",
  "karhutla",
  "perjudian",
  "premanisme",
  "orang-hilang",
  "gangguan-ketertiban",
  "lainnya",
] as const;

export type Category = (typeof CATEGORIES)[number];

/**
 * Categories whose reporter may be in danger from someone who can pick up her phone: domestic violence
 * (UU PKDRT) and sexual violence (UU TPKS). For these the device keeps nothing of the report unless she
 * asks (no draft, a neutral tab title, no stored secret), and the form points to SAPA 129 and Unit PPA.
 */
export const SENSITIVE_CATEGORIES: readonly Category[] = ["kdrt", "kekerasan-seksual"];

/** True for a category whose report must leave no trace on the reporter's phone. */
export function isSensitive(category: Category): boolean {
  return SENSITIVE_CATEGORIES.includes(category);
}
