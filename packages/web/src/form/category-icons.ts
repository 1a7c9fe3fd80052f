import type { Category } from "@lapora/core/browser";

// Emoji from Unicode 6.0 (2010), so even old Android phones draw them; they sit next to the text label
// and are hidden from screen readers.
export const CATEGORY_ICONS: Record<Category, string> = {
  pencurian: "🔓",
  penganiayaan: "👊",
  narkoba: "💊",
  kdrt: "🏠",
  "kekerasan-seksual": "🛑",
  penipuan: "📱",
  kecelakaan: "🚑",
  kebakaran: "🔥",
  karhutla: "🌲",
  perjudian: "🎲",
  premanisme: "😠",
  "orang-hilang": "🔍",
  "gangguan-ketertiban": "📢",
  lainnya: "❓",
};
