/** The public site's Indonesian frame: its name, menu, and the Statistik page while it loads. */
export const site = {
  appName: "Lapora",
  quickExit: {
    button: "Keluar cepat",
    hint: "Menutup Lapora seketika dan menghapus isian di HP ini. Bisa juga dengan menekan Esc dua kali.",
  },
  nav: { label: "Menu utama", report: "Buat Laporan", track: "Lacak Laporan", stats: "Statistik" },
  stats: {
    loading: "Memuat statistik…",
    failed: "Statistik tidak dapat dimuat. Periksa sinyal lalu coba lagi.",
  },
  privacy: {
    title: "Data kami simpan",
    loading: "Memuat…",
    failed: "Halaman ini tidak dapat dimuat. Periksa sinyal lalu coba lagi.",
  },
  footer: { privacy: "Data kami simpan" },
};
