import type { Officer } from "./types";

/**
 * Where officers' sign-in accounts live: a Cognito user pool in AWS, a local issuer on one machine.
 * The roster (DynamoDB) says who an officer is and what they may do; the directory only says who
 * they are when they sign in. The NRP is the username in both.
 */
export interface IdentityDirectory {
  /** Creates the sign-in; locally it returns a temporary password to hand over, in AWS Cognito sends it by SMS. */
  createLogin(officer: Officer): Promise<{ temporaryPassword?: string }>;
  setEnabled(nrp: string, enabled: boolean): Promise<void>;
}
