import { CATEGORY_LABELS, STATUS_LABELS } from "@lapora/core/browser";

/** Indonesian texts both the public site and the officers' console show. Labels come from core. */
export const common = {
  switchTo: "English",
  agency: "Polres Musi Banyuasin",
  skip: "Langsung ke isi",
  retry: "Coba lagi",
  categories: CATEGORY_LABELS.id,
  statuses: STATUS_LABELS.id,
};
