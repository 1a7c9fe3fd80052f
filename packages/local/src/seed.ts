import { Officer } from "@lapora/core";
import type { createLocalDirectory } from "./auth/credentials";

/** The password of every seeded demo officer. Local only: these accounts never exist in AWS. */
export const DEMO_PASSWORD = "lapora-demo";

/** One demo officer per role, in Sekayu (Soak Baru) and Bayung Lencir, as listed in the README. */
export const DEMO_OFFICERS: Officer.OfficerInput[] = [
  { nrp: "80010001", name: "Bripka Andi Saputra", role: "spkt", phone: "+6281200010001" },
  {
    nrp: "80010002",
    name: "Brigpol Dedi Kurniawan",
    role: "bhabinkamtibmas",
    kecamatan: "16.06.01",
    desa: ["16.06.01.1011", "16.06.01.1012"],
    phone: "+6281200010002",
  },
  {
    nrp: "80010003",
    name: "Brigpol Rina Oktaviani",
    role: "bhabinkamtibmas",
    kecamatan: "16.06.09",
    desa: ["16.06.09.1016"],
    phone: "+6281200010003",
  },
  {
    nrp: "80010004",
    name: "AKP Hendra Wijaya",
    role: "kapolsek",
    kecamatan: "16.06.01",
    phone: "+6281200010004",
  },
  { nrp: "80010005", name: "AKBP Surya Pratama", role: "pimpinan", phone: "+6281200010005" },
  { nrp: "80010006", name: "Aipda Maya Sari", role: "admin", phone: "+6281200010006" },
];

/** Adds the demo officers that are missing, each with the demo password. Safe to run on every start. */
export async function seedDemoOfficers(
  officers: Officer.OfficerStore,
  directory: ReturnType<typeof createLocalDirectory>,
): Promise<number> {
  let added = 0;
  for (const input of DEMO_OFFICERS) {
    if (await officers.get(input.nrp)) continue;
    const seeder: Officer.Actor = { nrp: "seed", role: "admin" };
    await Officer.Roster.add(officers, directory, seeder, Officer.Roster.parseInput(input));
    await directory.setPassword(input.nrp, DEMO_PASSWORD);
    added++;
  }
  return added;
}
