import type { Category } from "./category";

export const PRIORITIES = ["darurat", "tinggi", "sedang", "rendah"] as const;
export type Priority = (typeof PRIORITIES)[number];

// Starting priority by category when the incident is over: harm to people and fires come first.
const BASE: Record<Category, Priority> = {
  penganiayaan: "tinggi",
  kdrt: "tinggi",
  "kekerasan-seksual": "tinggi",
  kebakaran: "tinggi",
  karhutla: "tinggi",
  kecelakaan: "tinggi",
  "orang-hilang": "tinggi",
  pencurian: "sedang",
  narkoba: "sedang",
  premanisme: "sedang",
  penipuan: "rendah",
  perjudian: "rendah",
  "gangguan-ketertiban": "rendah",
  lainnya: "rendah",
};

// While these are happening, someone can still be helped or caught: they go straight to darurat.
const URGENT_WHEN_HAPPENING = new Set<Category>([
  "pencurian",
  "penganiayaan",
  "kdrt",
  "kekerasan-seksual",
  "kebakaran",
  "karhutla",
  "kecelakaan",
  "premanisme",
  "orang-hilang",
]);

/**
 * Derives a report's priority from its category and whether it is happening now.
 * An incident in progress is raised: to `darurat` for harm, fire and theft, otherwise one level.
 */
export function derivePriority(category: Category, happeningNow: boolean): Priority {
  const base = BASE[category];
  if (!happeningNow) return base;
  if (URGENT_WHEN_HAPPENING.has(category)) return "darurat";
  return PRIORITIES[Math.max(0, PRIORITIES.indexOf(base) - 1)] ?? base;
}
