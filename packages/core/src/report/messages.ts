/**
 * Every reason a report can be refused, in Indonesian and English. The API sends the code and the
 * English text; the web form shows the text in the reader's language. One list, so both say the same.
 */
export const MESSAGES = {
  required: { id: "Wajib diisi.", en: "This field is required." },
  unknown_field: { id: "Kolom ini tidak dikenal.", en: "This field is not allowed." },
  invalid_body: { id: "Isi laporan tidak dapat dibaca.", en: "The report must be a JSON object." },
  "category.invalid": { id: "Pilih salah satu jenis kejadian.", en: "Choose one of the listed categories." },
  "happeningNow.invalid": { id: "Pilih ya atau tidak.", en: "Must be true or false." },
  "kecamatan.invalid": {
    id: "Pilih kecamatan di Kabupaten Musi Banyuasin.",
    en: "Choose a kecamatan in Musi Banyuasin.",
  },
  "desa.invalid": { id: "Pilih desa/kelurahan dari daftar.", en: "Choose a desa from the list." },
  "desa.not_in_kecamatan": {
    id: "Desa ini tidak berada di kecamatan yang dipilih.",
    en: "This desa is not in the chosen kecamatan.",
  },
  "occurredAt.invalid": { id: "Isi tanggal dan jam kejadian.", en: "Give the date and time it happened." },
  "occurredAt.future": {
    id: "Waktu kejadian tidak boleh di masa depan.",
    en: "The time cannot be in the future.",
  },
  "occurredAt.too_old": {
    id: "Kejadian lebih dari 1 tahun lalu tidak dapat dilaporkan di sini.",
    en: "Incidents more than 1 year ago cannot be reported here.",
  },
  "description.too_short": {
    id: "Ceritakan kejadian minimal 10 karakter.",
    en: "Describe what happened in at least 10 characters.",
  },
  "description.too_long": { id: "Maksimal 2000 karakter.", en: "At most 2000 characters." },
  "description.invalid": { id: "Ceritakan apa yang terjadi.", en: "Describe what happened." },
  "location.invalid": { id: "Lokasi tidak valid.", en: "The location must have numeric lat and lon." },
  "location.outside": {
    id: "Lokasi berada di luar Kabupaten Musi Banyuasin.",
    en: "The location is outside Musi Banyuasin.",
  },
  "reporter.invalid": {
    id: "Pilih lapor tanpa nama, atau isi nama dan nomor HP.",
    en: "Report anonymously, or give a name and phone number.",
  },
  "reporter.name.invalid": {
    id: "Isi nama 2 sampai 100 karakter.",
    en: "Give a name of 2 to 100 characters.",
  },
  "reporter.phone.invalid": {
    id: "Nomor HP tidak valid. Contoh: 0812 3456 7890.",
    en: "Not a valid phone number. Example: 0812 3456 7890.",
  },
  "reporter.phone.not_indonesian": {
    id: "Gunakan nomor Indonesia (+62).",
    en: "Use an Indonesian (+62) number.",
  },
  "reporter.smsUpdates.invalid": {
    id: "Pilih ya atau tidak untuk kabar lewat SMS.",
    en: "Choose yes or no for updates by SMS.",
  },
  "reporter.smsUpdates.not_allowed": {
    id: "Kabar lewat SMS memerlukan izin SMS.",
    en: "Updates by SMS need SMS to be allowed.",
  },
  "reporter.preferences.invalid": {
    id: "Pilihan cara dihubungi tidak dapat dibaca.",
    en: "The contact preferences must be an object.",
  },
  "reporter.preferences.sms.invalid": { id: "Pilih ya atau tidak untuk SMS.", en: "Must be true or false." },
  "reporter.preferences.calls.invalid": {
    id: "Pilih ya atau tidak untuk telepon.",
    en: "Must be true or false.",
  },
  "reporter.preferences.noHomeVisit.invalid": {
    id: "Pilih ya atau tidak untuk kunjungan ke rumah.",
    en: "Must be true or false.",
  },
  "reporter.preferences.callHours.invalid": {
    id: "Tulis jam seperti 08:00 (WIB).",
    en: "Write the time like 08:00 (WIB).",
  },
  "reporter.preferences.callHours.incomplete": {
    id: "Isi jam mulai dan jam selesai.",
    en: "Give both the start and the end time.",
  },
  "reporter.preferences.callHours.without_calls": {
    id: "Jam telepon hanya berlaku jika telepon diizinkan.",
    en: "Call hours apply only when calls are allowed.",
  },
  "reporter.preferences.callHours.empty": {
    id: "Jam mulai dan jam selesai tidak boleh sama.",
    en: "The start and end time cannot be the same.",
  },
  "reporter.preferences.safePhone.invalid": {
    id: "Nomor aman tidak valid. Contoh: 0812 3456 7890.",
    en: "Not a valid safe number. Example: 0812 3456 7890.",
  },
  "reporter.preferences.safePhone.not_indonesian": {
    id: "Gunakan nomor Indonesia (+62) untuk nomor aman.",
    en: "Use an Indonesian (+62) number for the safe number.",
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;
export type Lang = "id" | "en";

/** The text for a message code in a language; unknown codes fall back to a generic sentence. */
export function messageFor(code: string, lang: Lang): string {
  const entry = (MESSAGES as Record<string, { id: string; en: string }>)[code];
  if (entry) return entry[lang];
  return lang === "id" ? "Isian tidak valid." : "Invalid value.";
}
