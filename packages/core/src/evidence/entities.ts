/**
 * ElectroDB entities of photo evidence, on the one table (see db/table.ts), in the report's own partition.
 *
 * Access patterns:
 * - a report's photo slots, by number (officers' view, public count, upload forms, processing):
 *                                        pk = $lapora#reportid_{id}, sk = $evidence_1#slot_{n}
 * - a report's upload capability (hashes of the secrets handed to the reporter), expires by TTL:
 *                                        pk = $lapora#reportid_{id}, sk = $evidenceaccess_1
 * - audit trail (evidence received, original downloaded): the audit entity of officer/entities.ts
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Entity, Service } from "electrodb";
import { perClientAndTable } from "../db/memo";
import { TABLE } from "../db/table";
import { createOfficerEntities } from "../officer/entities";
import { CONTENT_TYPES } from "./rules";

const primary = { pk: { field: TABLE.partitionKey }, sk: { field: TABLE.sortKey } } as const;

function buildCreateEvidenceEntities(client: DynamoDBDocumentClient, table: string) {
  const evidence = new Entity(
    {
      model: { entity: "evidence", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        slot: { type: "number", required: true, readOnly: true },
        status: { type: ["issued", "attached", "rejected"] as const, required: true },
        contentType: { type: CONTENT_TYPES, required: true },
        formId: { type: "string", required: true },
        issuedAt: { type: "string", required: true },
        detectedType: { type: CONTENT_TYPES },
        bytes: { type: "number" },
        sha256: { type: "string" },
        width: { type: "number" },
        height: { type: "number" },
        versionId: { type: "string" },
        eTag: { type: "string" },
        displayKey: { type: "string" },
        attachedAt: { type: "string" },
        rejectedAt: { type: "string" },
        rejectReason: { type: "string" },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: ["slot"] },
        },
      },
    },
    { client, table },
  );

  const evidenceAccess = new Entity(
    {
      model: { entity: "evidenceAccess", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        // SHA-256 of each secret handed out: the first response and any idempotent replay of it.
        secretHashes: { type: "set", items: "string", required: true },
        openUntil: { type: "number", required: true },
        updatedAt: { type: "string", required: true },
        expiresAt: { type: "number", required: true, field: TABLE.ttlAttribute },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    { client, table },
  );

  const { audit } = createOfficerEntities(client, table);
  return new Service({ evidence, evidenceAccess, audit }, { client, table });
}

/** The entities on `table`, built once per client and table (see db/memo.ts). */
export const createEvidenceEntities = perClientAndTable(buildCreateEvidenceEntities);
