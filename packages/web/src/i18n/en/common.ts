import { LABELS } from "@lapora/core/browser";
import type { CommonTexts } from "../types";

/** English texts both the public site and the officers' console show. Labels come from core. */
export const common: CommonTexts = {
  switchTo: "Bahasa Indonesia",
  agency: "Musi Banyuasin Police",
  skip: "Skip to content",
  retry: "Try again",
  categories: LABELS.en.category,
  statuses: LABELS.en.status,
  priorities: LABELS.en.priority,
};
