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

// Three tables, not one object, so a page that shows only categories and statuses (the report form,
// the tracking page) does not carry the priorities the console shows.

/** Every category's label, in Indonesian and English. */
export const CATEGORY_LABELS: Record<Lang, Record<Category, string>> = {
  id: {
    pencurian: "Pencurian",
    penganiayaan: "Penganiayaan",
    narkoba: "Narkoba",
    kdrt: "KDRT",
    "kekerasan-seksual": "Kekerasan seksual",
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
  en: {
    pencurian: "Theft",
    penganiayaan: "Assault",
    narkoba: "Drugs",
    kdrt: "Domestic violence",
    "kekerasan-seksual": "Sexual violence",
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
};

/** Every status's label, in Indonesian and English. */
export const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  id: {
    diterima: "Diterima",
    diverifikasi: "Diverifikasi",
    ditangani: "Sedang ditangani",
    selesai: "Selesai",
    ditolak: "Ditolak",
    duplikat: "Duplikat",
  },
  en: {
    diterima: "Received",
    diverifikasi: "Verified",
    ditangani: "Being handled",
    selesai: "Resolved",
    ditolak: "Rejected",
    duplikat: "Duplicate",
  },
};

/** Every priority's label, in Indonesian and English. */
export const PRIORITY_LABELS: Record<Lang, Record<Priority, string>> = {
  id: { darurat: "Darurat", tinggi: "Tinggi", sedang: "Sedang", rendah: "Rendah" },
  en: { darurat: "Emergency", tinggi: "High", sedang: "Medium", rendah: "Low" },
};

/**
 * Every label of a category, status and priority in one language: the report form, the tracking page,
 * the statistics and the officers' console all show these, so they all say the same.
 */
export const labelsOf = (lang: Lang): Labels => ({
  category: CATEGORY_LABELS[lang],
  status: STATUS_LABELS[lang],
  priority: PRIORITY_LABELS[lang],
});

/** The label of a category, e.g. `karhutla` -> "Kebakaran hutan/lahan". */
export function categoryLabel(category: Category, lang: Lang): string {
  return CATEGORY_LABELS[lang][category];
}

/** The label of a status, e.g. `ditangani` -> "Sedang ditangani". */
export function statusLabel(status: Status, lang: Lang): string {
  return STATUS_LABELS[lang][status];
}

/** The label of a priority, e.g. `darurat` -> "Darurat". */
export function priorityLabel(priority: Priority, lang: Lang): string {
  return PRIORITY_LABELS[lang][priority];
}
