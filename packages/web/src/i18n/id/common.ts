import { LABELS } from "@lapora/core/browser";

/** Indonesian texts both the public site and the officers' console show. Labels come from core. */
export const common = {
  switchTo: "English",
  agency: "Polres Musi Banyuasin",
  skip: "Langsung ke isi",
  retry: "Coba lagi",
  categories: LABELS.id.category,
  statuses: LABELS.id.status,
  priorities: LABELS.id.priority,
};
