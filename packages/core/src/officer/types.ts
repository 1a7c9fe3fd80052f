import type { Role } from "./roles";

/** A police officer on the roster. The NRP is the officer's registration number and sign-in name. */
export interface Officer {
  nrp: string;
  name: string;
  role: Role;
  /** A Kapolsek's kecamatan, and the kecamatan a Bhabinkamtibmas' desa lie in. */
  kecamatan?: string;
  /** A Bhabinkamtibmas' desa. */
  desa?: string[];
  /** E.164, +62. */
  phone: string;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Who is acting, as the audit trail records it. */
export interface Actor {
  nrp: string;
  role: Role;
}
