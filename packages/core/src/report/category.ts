export const CATEGORIES = [
  "pencurian",
  "penganiayaan",
  "narkoba",
  "kdrt",
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
