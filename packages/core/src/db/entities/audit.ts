/**
 * The audit trail, written in the same transaction as the change it records (see ../README.md):
 * - entries of a subject, oldest first:  pk = $lapora#subject_{report:id | officer:nrp}, sk = $audit_1#auditid_{iso#rand}
 */
import { Entity } from "electrodb";
import { ROLES } from "../../officer/roles";
import { type Binding, primary } from "./keys";

export function auditEntities(binding: Binding) {
  const audit = new Entity(
    {
      model: { entity: "audit", version: "1", service: "lapora" },
      attributes: {
        subject: { type: "string", required: true, readOnly: true },
        auditId: { type: "string", required: true, readOnly: true },
        at: { type: "string", required: true },
        actorNrp: { type: "string", required: true },
        actorRole: { type: [...ROLES, "system", "reporter"] as const, required: true },
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
    binding,
  );

  return { audit };
}
