import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  act,
  fillReport,
  phonePage,
  seriousViolations,
  signInOfficer,
  submitAndReadCode,
  useEvidenceSiteAndBrowser,
} from "./support";

// The reporter is heard, in Chromium against the local runtime: an anonymous report, its secret kept on
// the phone, a question from SPKT in the console, the answer and a photo from the tracking page, and the
// officer seeing both. axe looks at the new parts in both languages.

const site = useEvidenceSiteAndBrowser();
const SPKT = "80010001";

const signIn = (page: Page, nrp: string, path: string) => signInOfficer(page, site.server.url, nrp, path);

describe("the reporter and the officers talk, anonymously", () => {
  it("SPKT asks, the reporter answers and adds a photo from the tracking page, and the officer sees both", async () => {
    const resident = await phonePage(site.browser, { bypassCSP: true });
    await resident.goto(site.server.url);
    await fillReport(resident, { description: "Motor saya dicuri di depan warung, pelakunya dua orang." });
    const code = await submitAndReadCode(resident);
    const secret = (await resident.getByTestId("reporter-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    await expect
      .poll(() => resident.getByText(/Kunci ini tidak bisa ditampilkan lagi/).isVisible())
      .toBe(true);

    const spkt = await phonePage(site.browser, { bypassCSP: true });
    await signIn(spkt, SPKT, `/konsol/laporan/${code}`);
    await spkt.getByLabel("Pertanyaan untuk pelapor").fill("Apakah Bapak/Ibu melihat plat nomornya?");
    await spkt.getByRole("button", { name: "Kirim pertanyaan" }).click();
    await spkt.getByText("Pertanyaan terkirim.").waitFor();
    await expect(seriousViolations(spkt)).resolves.toEqual([]);

    // The phone kept the secret next to the code: the tracking page opens the reporter's part by itself.
    await resident.getByRole("link", { name: "Lacak laporan ini" }).click();
    const thread = resident.getByTestId("thread");
    await thread.getByText("Apakah Bapak/Ibu melihat plat nomornya?").waitFor();
    // The service targets, in WIB: a sedang report is checked within a day.
    await expect(resident.getByTestId("verify-by").textContent()).resolves.toMatch(/WIB$/);
    await expect.poll(() => resident.getByText("Diverifikasi paling lambat").isVisible()).toBe(true);
    await expect(thread.locator(".who").first().textContent()).resolves.toBe("Petugas");
    await resident.getByLabel("Jawaban atau keterangan tambahan").fill("Ya, BG 1234 XY, <b>hitam</b>.");
    await resident.getByRole("button", { name: "Kirim", exact: true }).click();
    await resident.getByText("Terkirim.", { exact: true }).waitFor();
    await thread.getByText("Ya, BG 1234 XY, <b>hitam</b>.").waitFor();

    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#736" } })
      .jpeg()
      .toBuffer();
    await resident
      .locator("#reporter-photo")
      .setInputFiles({ name: "IMG_2041.jpg", mimeType: "image/jpeg", buffer: photo });
    await resident.getByText("Foto terkirim. Petugas akan melihatnya setelah diperiksa.").waitFor();
    await expect.poll(() => resident.getByText("Masih bisa menambah 4 foto.").isVisible()).toBe(true);
    await expect(seriousViolations(resident)).resolves.toEqual([]);
    await resident.getByRole("button", { name: "English" }).click();
    await resident.getByRole("heading", { name: "Conversation with officers" }).waitFor();
    await expect(seriousViolations(resident)).resolves.toEqual([]);

    // The officer sees the answer as text (nothing the reporter wrote becomes markup) and the new photo.
    await site.server.uploads.idle();
    await spkt.reload();
    const officerThread = spkt.getByTestId("thread");
    await officerThread.getByText("Ya, BG 1234 XY, <b>hitam</b>.").waitFor();
    await expect(officerThread.locator("b").count()).resolves.toBe(0);
    await expect(officerThread.locator("li strong").allTextContents()).resolves.toEqual(["Anda", "Pelapor"]);
    await spkt.getByText(/Pelapor menjawab/).waitFor();
    // The thread in English too, and axe finds nothing serious there either.
    await spkt.getByRole("button", { name: "English" }).click();
    await spkt.getByRole("heading", { name: "Conversation with the reporter" }).waitFor();
    await expect(seriousViolations(spkt)).resolves.toEqual([]);
    await expect(
      spkt.locator(".evidence img, [data-testid='evidence-item']").count(),
    ).resolves.toBeGreaterThan(0);
    await spkt.context().close();
    await resident.context().close();
  });

  it("on another phone, the code alone shows no thread; the code and the secret typed in do", async () => {
    const first = await phonePage(site.browser);
    await first.goto(site.server.url);
    await fillReport(first);
    const code = await submitAndReadCode(first);
    const secret = (await first.getByTestId("reporter-secret").textContent())?.trim() ?? "";
    await first.context().close();

    const other = await phonePage(site.browser, { bypassCSP: true });
    await other.goto(`${site.server.url}/lacak/${code}`);
    await other.getByRole("heading", { name: "Khusus pelapor" }).waitFor();
    await expect(other.getByTestId("thread").count()).resolves.toBe(0);
    await other.getByLabel("Kunci rahasia pelapor").fill("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF");
    await other.getByRole("button", { name: "Buka" }).click();
    await other.getByText("Kode dan kunci ini tidak cocok. Periksa kembali kuncinya.").waitFor();
    await expect(seriousViolations(other)).resolves.toEqual([]);
    await other.getByLabel("Kunci rahasia pelapor").fill(secret.toLowerCase());
    await other.getByRole("button", { name: "Buka" }).click();
    await other.getByText("Belum ada pertanyaan dari petugas.").waitFor();
    await other.getByRole("button", { name: "Hapus kunci dari HP ini" }).click();
    await other.getByText("Kunci sudah dihapus dari HP ini.").waitFor();
    await other.reload();
    await other.getByLabel("Kunci rahasia pelapor").waitFor();
    await expect(other.getByLabel("Kunci rahasia pelapor").inputValue()).resolves.toBe("");
    await other.context().close();
  });
});

async function resolve(spkt: Page): Promise<void> {
  await act(spkt, "Selesaikan", "Ya, selesaikan", () =>
    spkt.getByLabel("Hasil penanganan (internal)").fill("Motor ditemukan dan dikembalikan."),
  );
  await spkt.getByTestId("status").getByText("Selesai").waitFor();
}

describe("the reporter's say at closure", () => {
  it('"belum" reopens the report to the officer; resolved again, "sudah" with 5 stars closes it', async () => {
    const resident = await phonePage(site.browser, { bypassCSP: true });
    await resident.goto(site.server.url);
    await fillReport(resident, { description: "Motor saya dicuri di depan warung kemarin sore." });
    const code = await submitAndReadCode(resident);

    const spkt = await phonePage(site.browser);
    await signIn(spkt, SPKT, `/konsol/laporan/${code}`);
    await act(spkt, "Verifikasi", "Ya, verifikasi");
    await act(spkt, "Mulai tangani", "Ya, mulai tangani");
    await resolve(spkt);

    await resident.goto(`${site.server.url}/lacak/${code}`);
    const say = resident.getByTestId("say-form");
    await say.getByText("Apakah masalah Anda sudah tertangani?").waitFor();
    await expect(seriousViolations(resident)).resolves.toEqual([]);
    await say.getByRole("button", { name: "Kirim penilaian" }).click();
    await resident.getByText("Pilih sudah atau belum, dan beri nilai 1 sampai 5.").waitFor();
    await say.getByLabel("Belum").check();
    await say.getByLabel("2 bintang").check();
    await say.getByLabel("Komentar (tidak wajib)").fill("Motornya belum kembali.");
    await say.getByRole("button", { name: "Kirim penilaian" }).click();
    await resident
      .getByText("Laporan dibuka kembali dan petugas sudah diberi tahu.", { exact: false })
      .waitFor();
    await expect(resident.getByTestId("status").textContent()).resolves.toBe("Sedang ditangani");

    await spkt.reload();
    await expect(spkt.getByTestId("status").textContent()).resolves.toBe("Sedang ditangani");
    await spkt.getByTestId("reporter-say").getByText("Motornya belum kembali.").waitFor();
    await spkt.getByText("Dibuka kembali oleh pelapor 1 kali.").waitFor();
    await resolve(spkt);

    await resident.reload();
    await say.getByLabel("Sudah").check();
    await say.getByLabel("5 bintang").check();
    await say.getByRole("button", { name: "Kirim penilaian" }).click();
    await resident
      .getByTestId("say-given")
      .getByText(/sudah tertangani, nilai 5 dari 5/)
      .waitFor();
    await expect(resident.getByTestId("status").textContent()).resolves.toBe("Selesai");
    await resident.getByRole("button", { name: "English" }).click();
    await resident.getByText(/You answered yes, 5 out of 5/).waitFor();
    await expect(seriousViolations(resident)).resolves.toEqual([]);
    await spkt.context().close();
    await resident.context().close();
  });
});
