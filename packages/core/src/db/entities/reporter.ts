/**
 * What is the reporter's, in the report's own partition (see ../README.md for every access pattern):
 * - the hashes of the secrets handed to the reporter:  pk = $lapora#reportid_{id}, sk = $reporteraccess_1
 * - the thread between officers and the reporter:     pk = $lapora#reportid_{id},
 *                                                     sk = $threadmessage_1#messageid_{messageId}
 */
import { Entity } from "electrodb";
import { ROLES } from "../../officer/roles";
import { type Binding, primary } from "./keys";

export function reporterEntities(binding: Binding) {
  const reporterAccess = new Entity(
    {
      model: { entity: "reporterAccess", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        // SHA-256 of each secret handed out: the first receipt and any idempotent replay of it.
        secretHashes: { type: "set", items: "string", required: true },
        updatedAt: { type: "string", required: true },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  const threadMessage = new Entity(
    {
      model: { entity: "threadMessage", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        messageId: { type: "string", required: true, readOnly: true },
        at: { type: "string", required: true, readOnly: true },
        from: { type: ["officer", "reporter"] as const, required: true, readOnly: true },
        nrp: { type: "string", readOnly: true },
        role: { type: ROLES, readOnly: true },
        text: { type: "string", required: true, readOnly: true },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: ["messageId"] },
        },
      },
    },
    binding,
  );

  return { reporterAccess, threadMessage };
}
