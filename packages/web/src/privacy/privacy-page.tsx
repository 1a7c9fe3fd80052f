import type { ComponentChildren } from "preact";
import { useLang } from "../i18n/lang";
import { linkClick } from "../lib/router";

/**
 * "Data kami simpan": what Lapora keeps and for how long, who can see it (every view of a contact is
 * logged), how to have it erased, and whom to ask, written for a resident. Its texts are in this chunk
 * only. The figures come from core, so the page says what the code does.
 */
export function PrivacyPage() {
  const { lang } = useLang();
  const t = TEXTS[lang];
  return (
    <div class="privacy">
      <p class="lead">{t.lead}</p>
      {t.sections.map((s) => (
        <section key={s.title} aria-labelledby={`privacy-${s.id}`}>
          <h2 id={`privacy-${s.id}`}>{s.title}</h2>
          {s.body}
        </section>
      ))}
    </div>
  );
}

interface Section {
  id: string;
  title: string;
  body: ComponentChildren;
}

const DAYS = __LAPORA_RETENTION_DAYS__;
const track = (text: string) => (
  <a href="/lacak" onClick={linkClick}>
    {text}
  </a>
);

const TEXTS: Record<"id" | "en", { lead: string; sections: Section[] }> = {
  id: {
    lead: "Lapora adalah layanan laporan masyarakat Polres Musi Banyuasin. Halaman ini menjelaskan data apa yang kami simpan, berapa lama, siapa yang bisa melihatnya, dan cara memintanya dihapus, sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
    sections: [
      {
        id: "what",
        title: "Apa yang kami simpan",
        body: (
          <ul>
            <li>
              <strong>Laporan Anda:</strong> jenis kejadian, kecamatan dan desa, waktu, cerita Anda, dan foto
              yang Anda kirim.
            </li>
            <li>
              <strong>Jika Anda mencantumkan nama:</strong> nama, nomor HP, pilihan cara dihubungi (SMS,
              telepon, jam, kunjungan ke rumah, nomor aman), dan lokasi tepat jika Anda membagikannya.
            </li>
            <li>
              <strong>Kunci rahasia pelapor:</strong> kami hanya menyimpan sidik acaknya, bukan kuncinya.
              Hanya Anda yang memegang kuncinya.
            </li>
            <li>
              <strong>Jaringan Anda:</strong> untuk menahan banjir laporan, alamat jaringan dihitung sebagai
              kode acak yang berganti setiap hari dan terhapus sendiri paling lama dalam dua jam. Alamat
              aslinya tidak disimpan. Saat Anda mengirim foto, catatan akses penyimpanan foto menyimpan
              waktunya dan hanya bagian depan alamat jaringan Anda (jaringan penyedia internet yang dipakai
              banyak orang), tanpa jenis HP atau browser, selama 5 tahun seperti catatan audit lainnya.
            </li>
            <li>
              <strong>Di HP Anda:</strong> isian yang belum terkirim, kunci rahasia, dan pilihan bahasa. Untuk
              laporan KDRT dan kekerasan seksual, isian tidak disimpan di HP sama sekali dan kunci hanya
              disimpan jika Anda memintanya. Tombol <em>Keluar cepat</em> menghapus semuanya.
            </li>
          </ul>
        ),
      },
      {
        id: "how-long",
        title: "Berapa lama",
        body: (
          <ul>
            <li>
              Nama, nomor HP, pilihan cara dihubungi, nomor aman dan lokasi tepat{" "}
              <strong>dihapus otomatis {DAYS} hari setelah laporan ditutup</strong> (selesai, ditolak atau
              duplikat). Lama ini ditetapkan Polres.
            </li>
            <li>
              Laporan itu sendiri (jenis, desa, cerita, catatan petugas) tetap disimpan sebagai arsip
              kepolisian. Foto asli disimpan sebagai barang bukti dan dikunci agar tidak dapat diubah selama 5
              tahun.
            </li>
            <li>Statistik mingguan hanya berisi jumlah, tidak pernah data Anda.</li>
          </ul>
        ),
      },
      {
        id: "who",
        title: "Siapa yang bisa melihat",
        body: (
          <ul>
            <li>
              <strong>Siapa pun yang memegang kode laporan</strong> hanya melihat status, riwayat, jenis
              kejadian, kecamatan dan catatan publik petugas. Tidak pernah cerita, nama, nomor, lokasi atau
              foto Anda.
            </li>
            <li>
              <strong>Anda sendiri</strong>, dengan kode dan kunci rahasia, melihat cerita Anda, pertanyaan
              petugas dan jawaban Anda.
            </li>
            <li>
              <strong>Petugas polisi</strong> yang bertugas di wilayah laporan membaca laporannya. Nama, nomor
              dan pilihan cara dihubungi hanya dilihat petugas yang menghubungi pelapor: SPKT, Kapolsek dan
              Bhabinkamtibmas desa Anda.
            </li>
            <li>
              <strong>Setiap kali</strong> data kontak Anda dibuka, foto asli diunduh, atau laporan diubah,
              sistem mencatat siapa dan kapan. Catatan ini tidak bisa diubah petugas.
            </li>
            <li>
              SMS dan notifikasi kepada petugas, catatan teknis sistem, dan statistik tidak pernah berisi
              nama, nomor, lokasi tepat atau cerita Anda.
            </li>
          </ul>
        ),
      },
      {
        id: "erase",
        title: "Cara meminta data Anda dihapus",
        body: (
          <ol>
            <li>Buka halaman {track("Lacak Laporan")}, masukkan kode laporan dan kunci rahasia Anda.</li>
            <li>
              Tekan <strong>Hapus data kontak saya</strong>. Nama, nomor HP, pilihan cara dihubungi dan lokasi
              tepat langsung dihapus. Laporan tetap ditangani, tetapi petugas tidak bisa lagi menghubungi
              Anda.
            </li>
            <li>
              Jika kunci rahasia hilang, datang ke SPKT Polres Musi Banyuasin dengan kode laporan dan tanda
              pengenal.
            </li>
          </ol>
        ),
      },
      {
        id: "contact",
        title: "Siapa yang bisa dihubungi",
        body: (
          <ul>
            <li>
              SPKT (Sentra Pelayanan Kepolisian Terpadu) Polres Musi Banyuasin, Sekayu, buka 24 jam: untuk
              pertanyaan tentang data Anda, permintaan penghapusan, atau jika Anda menduga data Anda bocor.
            </li>
            <li>
              Dalam keadaan darurat: telepon <a href="tel:110">110</a>.
            </li>
          </ul>
        ),
      },
    ],
  },
  en: {
    lead: "Lapora is the public reporting service of Polres Musi Banyuasin (the district police). This page says what data we keep, for how long, who can see it, and how to have it erased, under Indonesia's Personal Data Protection Law (UU No. 27 of 2022).",
    sections: [
      {
        id: "what",
        title: "What we keep",
        body: (
          <ul>
            <li>
              <strong>Your report:</strong> the kind of incident, the kecamatan and desa, the time, your
              account of it, and the photos you send.
            </li>
            <li>
              <strong>If you give your name:</strong> your name, phone number, how you may be contacted (SMS,
              calls, hours, home visits, a safe number), and your exact location if you share it.
            </li>
            <li>
              <strong>Your reporter secret key:</strong> we keep only a random fingerprint of it, never the
              key. Only you hold the key.
            </li>
            <li>
              <strong>Your network:</strong> to hold back floods of reports, your network address is counted
              as a random code that changes every day and deletes itself within two hours. The address itself
              is not kept. When you send a photo, the photo store's access log keeps the time and only the
              first part of your network address (your internet provider's network, shared by many people),
              never your phone or browser, for 5 years like the other audit records.
            </li>
            <li>
              <strong>On your phone:</strong> what you typed but have not sent, your secret key, and your
              language. For reports of domestic or sexual violence nothing you type is kept on the phone, and
              the key only if you ask. The <em>Quick exit</em> button wipes all of it.
            </li>
          </ul>
        ),
      },
      {
        id: "how-long",
        title: "For how long",
        body: (
          <ul>
            <li>
              Your name, phone number, contact wishes, safe number and exact location{" "}
              <strong>are erased automatically {DAYS} days after the report is closed</strong> (resolved,
              rejected or a duplicate). The Polres sets this period.
            </li>
            <li>
              The report itself (kind, desa, your account, officers' notes) is kept as a police record.
              Original photos are kept as evidence, locked against any change for 5 years.
            </li>
            <li>The weekly statistics hold only counts, never your data.</li>
          </ul>
        ),
      },
      {
        id: "who",
        title: "Who can see it",
        body: (
          <ul>
            <li>
              <strong>Anyone with the report code</strong> sees only its status, history, kind, kecamatan and
              the officers' public notes. Never your account, name, number, location or photos.
            </li>
            <li>
              <strong>You</strong>, with the code and your secret key, see your account, the officers'
              questions and your answers.
            </li>
            <li>
              <strong>Police officers</strong> working the report's area read the report. Your name, number
              and contact wishes are seen only by the officers who contact reporters: the duty desk (SPKT),
              the Kapolsek and your desa's Bhabinkamtibmas.
            </li>
            <li>
              <strong>Every time</strong> your contact details are opened, an original photo is downloaded, or
              the report is changed, the system records who did it and when. Officers cannot change that
              record.
            </li>
            <li>
              SMS and notifications to officers, the system's technical logs and the statistics never contain
              your name, number, exact location or account.
            </li>
          </ul>
        ),
      },
      {
        id: "erase",
        title: "How to have your data erased",
        body: (
          <ol>
            <li>Open {track("Track a Report")} and enter your report code and secret key.</li>
            <li>
              Press <strong>Erase my contact details</strong>. Your name, phone number, contact wishes and
              exact location are erased at once. The report is still handled, but officers can no longer
              contact you.
            </li>
            <li>
              If you lost the secret key, come to the SPKT of Polres Musi Banyuasin with the report code and
              ID.
            </li>
          </ol>
        ),
      },
      {
        id: "contact",
        title: "Whom to contact",
        body: (
          <ul>
            <li>
              The duty desk (SPKT) of Polres Musi Banyuasin, Sekayu, open 24 hours: for questions about your
              data, to ask for erasure, or if you think your data has leaked.
            </li>
            <li>
              In an emergency: call <a href="tel:110">110</a>.
            </li>
          </ul>
        ),
      },
    ],
  },
};
