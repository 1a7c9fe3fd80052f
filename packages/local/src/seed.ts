import { Officer } from "@lapora/core";
import { DEMO_OFFICERS } from "@lapora/core/demo-officers";
import type { createLocalDirectory } from "./auth/credentials";

/** The password of every seeded demo officer. Local only: these accounts never exist in AWS. */
export const DEMO_PASSWORD = "lapora-demo";

export { DEMO_OFFICERS };

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
