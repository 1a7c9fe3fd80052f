// Officers' names as the console has learnt them (its own, and the assignee lists it loaded): the audit
// trail and the report carry NRPs only, and a name reads better where one is known.
const names = new Map<string, string>();

export function learnNames(officers: readonly { nrp: string; name: string }[]): void {
  for (const o of officers) names.set(o.nrp, o.name);
}

/** "Name (NRP)" when the name is known, else "NRP {nrp}". */
export function officerLabel(nrp: string, nrpLabel: (nrp: string) => string): string {
  const name = names.get(nrp);
  return name ? `${name} (${nrp})` : nrpLabel(nrp);
}
