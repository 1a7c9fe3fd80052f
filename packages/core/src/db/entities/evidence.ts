/**
 * Photo evidence, in the report's own partition (see ../README.md for every access pattern):
 * - a report's photo slots, by number:   pk = $lapora#reportid_{id}, sk = $evidence_1#slot_{n}
 * - a report's upload capability (hashes of the secrets handed to the reporter), expires by TTL:
 *                                        pk = $lapora#reportid_{id}, sk = $evidenceaccess_1
 */
import { Entity } from "electrodb";
import { CONTENT_TYPES } from "../../evidence/rules";
import { TABLE } from "../table";
import { type Binding, primary } from "./keys";

export function evidenceEntities(binding: Binding) {
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
    binding,
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
    binding,
  );

  return { evidence, evidenceAccess };
}
