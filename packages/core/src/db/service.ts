import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Service } from "electrodb";
import { alertEntities } from "./entities/alert";
import { auditEntities } from "./entities/audit";
import { evidenceEntities } from "./entities/evidence";
import { officerEntities } from "./entities/officer";
import { pushEntities } from "./entities/push";
import { quarantineEntities } from "./entities/quarantine";
import { reportEntities } from "./entities/report";
import { reporterEntities } from "./entities/reporter";
import { statsEntities } from "./entities/stats";
import { perClientAndTable } from "./memo";

/**
 * Every ElectroDB entity of the one table, as one Service: any store can write any of them in one
 * transaction (a report change with its audit entries, an escalation with its own). The keys each entity
 * puts on the table, and which store uses them, are listed in ./README.md.
 */
function buildService(client: DynamoDBDocumentClient, table: string) {
  const binding = { client, table };
  return new Service(
    {
      ...reportEntities(binding),
      ...officerEntities(binding),
      ...auditEntities(binding),
      ...evidenceEntities(binding),
      ...alertEntities(binding),
      ...statsEntities(binding),
      ...quarantineEntities(binding),
      ...pushEntities(binding),
      ...reporterEntities(binding),
    },
    binding,
  );
}

/** The Service on `table`, built once per client and table (see memo.ts). */
export const createService = perClientAndTable(buildService);

export type LaporaService = ReturnType<typeof createService>;
