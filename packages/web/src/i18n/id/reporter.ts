/** The reporter's part of the tracking page, in Indonesian: loaded with the report view, not the form. */
export const reporter = {
  title: "Khusus pelapor",
  intro:
    "Dengan kunci rahasia yang Anda terima saat melapor, Anda bisa membaca pertanyaan petugas, menjawabnya, dan menambah foto. Petugas tidak melihat nomor HP atau alamat internet Anda.",
  secretLabel: "Kunci rahasia pelapor",
  secretHint: "Contoh: 7K3M-Q9TZ-4HX2-R8BC-D2FG-H5JK",
  open: "Buka",
  loading: "Memuat…",
  wrong: "Kode dan kunci ini tidak cocok. Periksa kembali kuncinya.",
  limited: (s: number) => `Terlalu banyak percobaan. Coba lagi dalam ${s} detik.`,
  failed: "Tidak dapat dimuat. Periksa sinyal lalu coba lagi.",
  threadTitle: "Percakapan dengan petugas",
  empty: "Belum ada pertanyaan dari petugas.",
  officer: "Petugas",
  you: "Anda",
  replyLabel: "Jawaban atau keterangan tambahan",
  replyHint:
    "Paling banyak 1.000 karakter. Jangan tulis hal yang bisa membahayakan Anda bila HP ini dibaca orang lain.",
  send: "Kirim",
  sending: "Mengirim…",
  sent: "Terkirim.",
  tooLong: "Paling banyak 1.000 karakter.",
  emptyReply: "Tulis pesan dulu.",
  photosTitle: "Tambah foto",
  photosLeft: (n: number) =>
    n === 0 ? "Sudah 5 foto, jumlah paling banyak." : `Masih bisa menambah ${n} foto.`,
  photoLabel: "Pilih foto",
  photoSending: "Mengirim foto…",
  photoSent: "Foto terkirim. Petugas akan melihatnya setelah diperiksa.",
  photoFailed: "Foto belum terkirim. Periksa sinyal, lalu coba lagi.",
  forget: "Hapus kunci dari HP ini",
  forgotten: "Kunci sudah dihapus dari HP ini.",
};
