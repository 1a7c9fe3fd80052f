/**
 * DynamoDB request units per report, item by item, from what the code writes (packages/core/src/db/README.md,
 * packages/core/src/adapters/dynamo/*.ts). On-demand pricing: a write costs one unit per KB of the item,
 * two in a transaction, and one more per global secondary index the item is in (all four project ALL
 * attributes); a read costs one unit per 4 KB strongly consistent, half that eventually consistent.
 */
import type { Assumptions } from "./assumptions";

export interface Units {
  what: string;
  units: number;
}

const write = (kb: number, o: { tx?: boolean; indexes?: number } = {}) =>
  Math.ceil(kb) * ((o.tx ? 2 : 1) + (o.indexes ?? 0));

/** SMS of every kind a report causes (officers, escalations, reporter updates). */
export const smsPerReport = (a: Assumptions) =>
  a.officerSmsPerReport + a.escalationSmsPerReport + a.reporterOptInShare * a.reporterUpdatesPerOptIn;

/** Write units per report; `indexes` is the table's GSI count, every one of which holds an open report. */
export function writeUnitsPerReport(a: Assumptions, indexes: number): Units[] {
  const report = write(a.reportItemKB, { tx: true, indexes });
  // A closed report leaves the sparse open-reports index (gsi4).
  const closedReport = write(a.reportItemKB, { tx: true, indexes: Math.max(0, indexes - 1) });
  const small = write(1, { tx: true });
  const counters = 2 + a.daruratShare; // per address and per device, and per address for darurat
  const updates = a.reporterOptInShare * a.reporterUpdatesPerOptIn;
  return [
    { what: "report, in every GSI (intake transaction)", units: report },
    {
      what: "tracking code, idempotency record, source counters (same transaction)",
      units: (2 + counters) * small,
    },
    { what: "upload capability, reporter secret, photo slots", units: 2 + a.photosPerReport * write(1) },
    { what: "each photo attached with its audit entry (transaction)", units: a.photosPerReport * 2 * small },
    {
      what: "push and SMS sent markers (claim, mark sent), the day's SMS count",
      units: a.routedOfficersPerReport * 2 * write(1) + smsPerReport(a) * 3 * write(1),
    },
    {
      what: "`tinggi` follow-ups, scheduled and done (in gsi3)",
      units: a.tinggiShare * a.routedOfficersPerReport * 2 * write(1, { indexes: 1 }),
    },
    { what: "acknowledgement with its audit entry (transaction)", units: a.acksPerReport * 2 * small },
    {
      what: "officers' changes: report put in every GSI, audit entry (transaction)",
      units: a.officerChangesPerReport * (report + small),
    },
    {
      what: "closing: erasure due (gsi3); the erasure, its audit entry, the due item removed",
      units: write(1, { tx: true, indexes: 1 }) + closedReport + small + write(1, { indexes: 1 }),
    },
    {
      what: "reporter updates: outbox item (gsi3), removed once sent",
      units: updates * (write(1, { tx: true, indexes: 1 }) + write(1, { indexes: 1 })),
    },
  ];
}

/** Read units per report. */
export function readUnitsPerReport(a: Assumptions, publicRequests: number): Units[] {
  return [
    { what: "public API requests (tracking)", units: publicRequests * a.readUnitsPerPublicRequest },
    { what: "officers' API requests", units: a.officerApiRequestsPerReport * a.readUnitsPerOfficerRequest },
    {
      what: "report-events: the roster, each routed officer's devices",
      units: Math.ceil((a.officers * a.officerItemKB) / 4) * 0.5 + a.routedOfficersPerReport * 1.5,
    },
    { what: "evidence-uploaded: the photo's slot", units: a.photosPerReport },
  ];
}

/** KB a report keeps in the table, with its copies in the indexes; and the part point-in-time recovery backs up. */
export function storedKBPerReport(a: Assumptions, indexes: number) {
  const base = a.reportItemKB + a.otherItemsKBPerReport;
  return { withIndexes: base + a.reportItemKB * indexes, base };
}

export const total = (units: Units[]) => units.reduce((n, u) => n + u.units, 0);
