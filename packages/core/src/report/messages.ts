/**
 * Every reason a report can be refused, one table per language with the same codes. The API sends the
 * code and the English text; the web form shows the text in the reader's language and carries only the
 * table of the language it shows (the English one comes with the site's English texts).
 */
import { MESSAGES_EN } from "./messages-en";

export { MESSAGES_EN };

/** The reasons in Indonesian: the source, whose codes every other language must give. */
export const MESSAGES_ID = {
  required: "Wajib diisi.",
  unknown_field: "Kolom ini tidak dikenal.",
  invalid_body: "Isi laporan tidak dapat dibaca.",
  "category.invalid": "Pilih salah satu jenis kejadian.",
  "happeningNow.invalid": "Pilih ya atau tidak.",
  "kecamatan.invalid": "Pilih kecamatan di Kabupaten Musi Banyuasin.",
  "desa.invalid": "Pilih desa/kelurahan dari daftar.",
  "desa.not_in_kecamatan": "Desa ini tidak berada di kecamatan yang dipilih.",
  "occurredAt.invalid": "Isi tanggal dan jam kejadian.",
  "occurredAt.future": "Waktu kejadian tidak boleh di masa depan.",
  "occurredAt.too_old": "Kejadian lebih dari 1 tahun lalu tidak dapat dilaporkan di sini.",
  "description.too_short": "Ceritakan kejadian minimal 10 karakter.",
  "description.too_long": "Maksimal 2000 karakter.",
  "description.invalid": "Ceritakan apa yang terjadi.",
  "location.invalid": "Lokasi tidak valid.",
  "location.outside": "Lokasi berada di luar Kabupaten Musi Banyuasin.",
  "reporter.invalid": "Pilih lapor tanpa nama, atau isi nama dan nomor HP.",
  "reporter.name.invalid": "Isi nama 2 sampai 100 karakter.",
  "reporter.phone.invalid": "Nomor HP tidak valid. Contoh: 0812 3456 7890.",
  "reporter.phone.not_indonesian": "Gunakan nomor Indonesia (+62).",
  "reporter.smsUpdates.invalid": "Pilih ya atau tidak untuk kabar lewat SMS.",
  "reporter.smsUpdates.not_allowed": "Kabar lewat SMS memerlukan izin SMS.",
  "reporter.preferences.invalid": "Pilihan cara dihubungi tidak dapat dibaca.",
  "reporter.preferences.sms.invalid": "Pilih ya atau tidak untuk SMS.",
  "reporter.preferences.calls.invalid": "Pilih ya atau tidak untuk telepon.",
  "reporter.preferences.noHomeVisit.invalid": "Pilih ya atau tidak untuk kunjungan ke rumah.",
  "reporter.preferences.callHours.invalid": "Tulis jam seperti 08:00 (WIB).",
  "reporter.preferences.callHours.incomplete": "Isi jam mulai dan jam selesai.",
  "reporter.preferences.callHours.without_calls": "Jam telepon hanya berlaku jika telepon diizinkan.",
  "reporter.preferences.callHours.empty": "Jam mulai dan jam selesai tidak boleh sama.",
  "reporter.preferences.safePhone.invalid": "Nomor aman tidak valid. Contoh: 0812 3456 7890.",
  "reporter.preferences.safePhone.not_indonesian": "Gunakan nomor Indonesia (+62) untuk nomor aman.",
  /** Any other code: what the API may say of a field the form does not know. */
  invalid: "Isian tidak valid.",
} as const;

export type MessageCode = Exclude<keyof typeof MESSAGES_ID, "invalid">;
/** A language's table of reasons. */
export type Messages = Readonly<Record<MessageCode | "invalid", string>>;
export type Lang = "id" | "en";

export const MESSAGES: Readonly<Record<Lang, Messages>> = { id: MESSAGES_ID, en: MESSAGES_EN };

/** The text for a code in a table; a code it does not know gets the table's generic sentence. */
export function messageIn(messages: Messages, code: string): string {
  const text = Object.hasOwn(messages, code) ? (messages as Record<string, string>)[code] : undefined;
  return text ?? messages.invalid;
}

/** The text for a message code in a language; unknown codes fall back to a generic sentence. */
export function messageFor(code: string, lang: Lang): string {
  return messageIn(MESSAGES[lang], code);
}
