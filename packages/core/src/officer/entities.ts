/**
 * ElectroDB entities of the roster and the audit trail, on the one table (see db/table.ts).
 *
 * Access patterns:
 * - officer by NRP (sign-in -> role and area):  pk = $lapora#nrp_{nrp}, sk = $officer_1
 * - all officers by NRP (admin roster list):    gsi3pk = officers, gsi3sk = $officer_1#nrp_{nrp}
 * - failed sign-ins of a username (throttle):  pk = $lapora#username_{nrp}, sk = $signinattempt_1, expires by TTL
 * - audit trail of a subject, oldest first:     pk = $lapora#subject_{report:id | officer:nrp}, sk = $audit_1#auditid_{iso#rand}
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Entity } from "electrodb";
import { perClientAndTable } from "../db/memo";
import { TABLE } from "../db/table";
import { ROLES } from "./roles";

const primary = { pk: { field: TABLE.partitionKey }, sk: { field: TABLE.sortKey } } as const;

function buildCreateOfficerEntities(client: DynamoDBDocumentClient, table: string) {
  const officer = new Entity(
    {
      model: { entity: "officer", version: "1", service: "lapora" },
      attributes: {
        nrp: { type: "string", required: true, readOnly: true },
        name: { type: "string", required: true },
        role: { type: ROLES, required: true },
        kecamatan: { type: "string" },
        desa: { type: "list", items: { type: "string" } },
        phone: { type: "string", required: true },
        // A list, not a set: an empty list ("no SMS of new reports") must be storable.
        alertPriorities: { type: "list", items: { type: "string" } },
        active: { type: "boolean", required: true },
        version: { type: "number", required: true },
        createdAt: { type: "string", required: true, readOnly: true },
        updatedAt: { type: "string", required: true },
      },
      indexes: {
        byNrp: {
          ...primary,
          pk: { ...primary.pk, composite: ["nrp"] },
          sk: { ...primary.sk, composite: [] },
        },
        all: {
          index: TABLE.gsi3.name,
          pk: { field: TABLE.gsi3.partitionKey, composite: [], template: "officers" },
          sk: { field: TABLE.gsi3.sortKey, composite: ["nrp"] },
        },
      },
    },
    { client, table },
  );

  const audit = new Entity(
    {
      model: { entity: "audit", version: "1", service: "lapora" },
      attributes: {
        subject: { type: "string", required: true, readOnly: true },
        auditId: { type: "string", required: true, readOnly: true },
        at: { type: "string", required: true },
        actorNrp: { type: "string", required: true },
        actorRole: { type: [...ROLES, "system"] as const, required: true },
        action: { type: "string", required: true },
        from: { type: "string" },
        to: { type: "string" },
        note: { type: "string" },
      },
      indexes: {
        bySubject: {
          ...primary,
          pk: { ...primary.pk, composite: ["subject"] },
          sk: { ...primary.sk, composite: ["auditId"] },
        },
      },
    },
    { client, table },
  );

  const signInAttempt = new Entity(
    {
      model: { entity: "signInAttempt", version: "1", service: "lapora" },
      attributes: {
        username: { type: "string", required: true, readOnly: true },
        failures: { type: "number" },
        /** Epoch milliseconds before which no sign-in is tried. */
        lockedUntil: { type: "number" },
        expiresAt: { type: "number", field: TABLE.ttlAttribute },
      },
      indexes: {
        byUsername: {
          ...primary,
          pk: { ...primary.pk, composite: ["username"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    { client, table },
  );

  return { officer, audit, signInAttempt };
}

/** The entities on `table`, built once per client and table (see db/memo.ts). */
export const createOfficerEntities = perClientAndTable(buildCreateOfficerEntities);
