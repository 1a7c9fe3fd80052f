import type { Category } from "./category";
import type { Lang } from "./messages";
import type { Priority } from "./priority";
import type { Status } from "./status";

/** The words people read for a report's category, status and priority, in one language. */
export interface Labels {
  category: Record<Category, string>;
  status: Record<Status, string>;
  priority: Record<Priority, string>;
}

/**
 * Every label of a category, status and priority, in Indonesian and English: the report form, the
 * tracking page, the statistics and the officers' console all show these, so they all say the same.
 */
export const LABELS: Record<Lang, Labels> = {
  id: {
    category: {
      pencurian: "Pencurian",
      penganiayaan: "Penganiayaan",
      narkoba: "Narkoba",
      kdrt: "KDRT",
      penipuan: "Penipuan",
      kecelakaan: "Kecelakaan",
      kebakaran: "Kebakaran",
      karhutla: "Kebakaran hutan/lahan",
      perjudian: "Perjudian",
      premanisme: "Premanisme",
      "orang-hilang": "Orang hilang",
      "gangguan-ketertiban": "Gangguan ketertiban",
      lainnya: "Lainnya",
    },
    status: {
      diterima: "Diterima",
      diverifikasi: "Diverifikasi",
      ditangani: "Sedang ditangani",
      selesai: "Selesai",
      ditolak: "Ditolak",
      duplikat: "Duplikat",
    },
    priority: { darurat: "Darurat", tinggi: "Tinggi", sedang: "Sedang", rendah: "Rendah" },
  },
  en: {
    category: {
      pencurian: "Theft",
      penganiayaan: "Assault",
      narkoba: "Drugs",
      kdrt: "Domestic violence",
      penipuan: "Fraud",
      kecelakaan: "Accident",
      kebakaran: "Fire",
      karhutla: "Forest or land fire",
      perjudian: "Gambling",
      premanisme: "Thuggery",
      "orang-hilang": "Missing person",
      "gangguan-ketertiban": "Public disorder",
      lainnya: "Other",
    },
    status: {
      diterima: "Received",
      diverifikasi: "Verified",
      ditangani: "Being handled",
      selesai: "Resolved",
      ditolak: "Rejected",
      duplikat: "Duplicate",
    },
    priority: { darurat: "Emergency", tinggi: "High", sedang: "Medium", rendah: "Low" },
  },
};

/** The label of a category, e.g. `karhutla` -> "Kebakaran hutan/lahan". */
export function categoryLabel(category: Category, lang: Lang): string {
  return LABELS[lang].category[category];
}

/** The label of a status, e.g. `ditangani` -> "Sedang ditangani". */
export function statusLabel(status: Status, lang: Lang): string {
  return LABELS[lang].status[status];
}

/** The label of a priority, e.g. `darurat` -> "Darurat". */
export function priorityLabel(priority: Priority, lang: Lang): string {
  return LABELS[lang].priority[priority];
}
