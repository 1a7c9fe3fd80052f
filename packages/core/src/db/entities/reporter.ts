/**
 * What is the reporter's, in the report's own partition (see ../README.md for every access pattern):
 * - the hashes of the secrets handed to the reporter:  pk = $lapora#reportid_{id}, sk = $reporteraccess_1
 * - the thread between officers and the reporter:     pk = $lapora#reportid_{id},
 *                                                     sk = $threadmessage_1#messageid_{messageId}
 * - each reopening by the reporter (its insertion alerts the assigned officer):
 *                                                     pk = $lapora#reportid_{id}, sk = $reopen_1#round_{n}
 * - the erasure due for a closed report's contact (reporter/retention.ts), closed earliest first:
 *                                                     pk = $lapora#reportid_{id}, sk = $contactretention_1
 *                                                     gsi3pk = contact-retention, gsi3sk = $contactretention_1#closedat_{iso}#reportid_{id}
 */
import { Entity } from "electrodb";
import { ROLES } from "../../officer/roles";
import { CATEGORIES } from "../../report/category";
import { PRIORITIES } from "../../report/priority";
import { UPDATE_KINDS } from "../../report/types";
import { TABLE } from "../table";
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

  const reopen = new Entity(
    {
      model: { entity: "reopen", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        round: { type: "number", required: true, readOnly: true },
        trackingCode: { type: "string", required: true, readOnly: true },
        category: { type: CATEGORIES, required: true, readOnly: true },
        priority: { type: PRIORITIES, required: true, readOnly: true },
        kecamatan: { type: "string", required: true, readOnly: true },
        desa: { type: "string", required: true, readOnly: true },
        assignee: { type: "string", readOnly: true },
        at: { type: "string", required: true, readOnly: true },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: ["round"] },
        },
      },
    },
    binding,
  );

  const reporterUpdate = new Entity(
    {
      model: { entity: "reporterUpdate", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        updateId: { type: "string", required: true, readOnly: true },
        kind: { type: UPDATE_KINDS, required: true, readOnly: true },
        at: { type: "string", required: true, readOnly: true },
        dueAt: { type: "string", required: true },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: ["updateId"] },
        },
        due: {
          index: TABLE.gsi3.name,
          pk: { field: TABLE.gsi3.partitionKey, composite: [], template: "reporter-updates" },
          sk: { field: TABLE.gsi3.sortKey, composite: ["dueAt", "reportId", "updateId"] },
        },
      },
    },
    binding,
  );

  const contactRetention = new Entity(
    {
      model: { entity: "contactRetention", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        closedAt: { type: "string", required: true },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: [] },
        },
        due: {
          index: TABLE.gsi3.name,
          pk: { field: TABLE.gsi3.partitionKey, composite: [], template: "contact-retention" },
          sk: { field: TABLE.gsi3.sortKey, composite: ["closedAt", "reportId"] },
        },
      },
    },
    binding,
  );

  return { reporterAccess, threadMessage, reopen, reporterUpdate, contactRetention };
}
