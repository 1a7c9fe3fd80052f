import type { OfficerInput } from "../officer/schema";

/**
 * One demo officer per role, in Sekayu (Soak Baru, Balai Agung) and Bayung Lencir: the officers
 * `npm start` seeds (README) and the fixtures of the tests. Local only: these accounts never exist in AWS.
 */
export const DEMO_OFFICERS: readonly OfficerInput[] = [
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

/**
 * The demo officers' TOTP secrets (base32), fixed so that they come already enrolled: `npm start` shows
 * their current codes on `/dev/totp`, and browser tests compute them. Local only, like the accounts;
 * readable on purpose, so nobody mistakes them for a real officer's.
 */
export const DEMO_TOTP_SECRETS: Readonly<Record<string, string>> = {
  "80010001": "LAPORADEMOSPKTQQQQQQQQQQQQQQQQQQ",
  "80010002": "LAPORADEMOBHABINDEDIQQQQQQQQQQQQ",
  "80010003": "LAPORADEMOBHABINRINAQQQQQQQQQQQQ",
  "80010004": "LAPORADEMOKAPOLSEKQQQQQQQQQQQQQQ",
  "80010005": "LAPORADEMOPIMPINANQQQQQQQQQQQQQQ",
  "80010006": "LAPORADEMOADMINQQQQQQQQQQQQQQQQQ",
};
