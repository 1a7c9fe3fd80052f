/**
 * The roster and the sign-in throttle (see ../README.md for every access pattern):
 * - officer by NRP (sign-in -> role and area):  pk = $lapora#nrp_{nrp}, sk = $officer_1
 * - all officers by NRP (admin roster list):    gsi3pk = officers, gsi3sk = $officer_1#nrp_{nrp}
 * - failed sign-ins of a username (throttle):   pk = $lapora#username_{nrp}, sk = $signinattempt_1, expires by TTL
 */
import { Entity } from "electrodb";
import { ROLES } from "../../officer/roles";
import { TABLE } from "../table";
import { type Binding, primary } from "./keys";

export function officerEntities(binding: Binding) {
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
    binding,
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
    binding,
  );

  return { officer, signInAttempt };
}
