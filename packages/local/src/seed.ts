import { Officer } from "@lapora/core";
import { DEMO_OFFICERS, DEMO_TOTP_SECRETS } from "@lapora/core/demo-officers";
import type { createLocalDirectory } from "./auth/credentials";

/** The password of every seeded demo officer. Local only: these accounts never exist in AWS. */
export const DEMO_PASSWORD = "lapora-demo";

export { DEMO_OFFICERS, DEMO_TOTP_SECRETS };

/**
 * Adds the demo officers that are missing, each with the demo password and already enrolled with their
 * fixed TOTP secret (`/dev/totp` shows the codes). A demo officer kept from before TOTP (a `.lapora/`
 * folder of an older start) is enrolled too. Safe to run on every start.
 */
export async function seedDemoOfficers(
  officers: Officer.OfficerStore,
  directory: ReturnType<typeof createLocalDirectory>,
): Promise<number> {
  let added = 0;
  for (const input of DEMO_OFFICERS) {
    const secret = DEMO_TOTP_SECRETS[input.nrp];
    if (!secret) throw new Error(`Demo officer ${input.nrp} has no TOTP secret.`);
    if (await officers.get(input.nrp)) {
      if (!(await directory.totpSecretOf(input.nrp))) await directory.setTotpSecret(input.nrp, secret);
      continue;
    }
    const seeder: Officer.Actor = { nrp: "seed", role: "admin" };
    await Officer.Roster.add(officers, directory, seeder, Officer.Roster.parseInput(input));
    await directory.setPassword(input.nrp, DEMO_PASSWORD);
    await directory.setTotpSecret(input.nrp, secret);
    added++;
  }
  return added;
}
