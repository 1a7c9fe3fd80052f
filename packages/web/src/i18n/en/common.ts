import { CATEGORY_LABELS, STATUS_LABELS } from "@lapora/core/browser";
import type { CommonTexts } from "../types";

/** English texts both the public site and the officers' console show. Labels come from core. */
export const common: CommonTexts = {
  switchTo: "Bahasa Indonesia",
  agency: "Musi Banyuasin Police",
  skip: "Skip to content",
  retry: "Try again",
  categories: CATEGORY_LABELS.en,
  statuses: STATUS_LABELS.en,
};
