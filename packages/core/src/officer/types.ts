import type { Priority } from "../report/priority";
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
  /** The priorities of new reports alerted to this officer by SMS, set by an admin; unset means the role's default. */
  alertPriorities?: Priority[];
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
