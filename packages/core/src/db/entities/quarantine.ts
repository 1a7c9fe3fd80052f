/**
 * Limits by source and the quarantine (see ../README.md for every access pattern):
 * - a source's report count in one window, expires by TTL:
 *                                   pk = $lapora#counterkey_{address|device}#{hmac}#{window}, sk = $sourcecount_1
 * - a held report's entry in SPKT's list (in the report's item collection):
 *                                   pk = $lapora#reportid_{id}, sk = $hold_1
 *                                   gsi3pk = quarantine, gsi3sk = $hold_1#createdat_{iso}#reportid_{id}
 * - a released report's alert, once (the stream hands it to report-events as a new report's):
 *                                   pk = $lapora#releaseof_{id}, sk = $release_1
 * - a summary of held darurat reports for SPKT, and when the last one went:
 *                                   pk = $lapora#summaryid_{iso}, sk = $heldsummary_1
 *                                   pk = $lapora#summaryof_darurat, sk = $heldsummarystate_1
 */
import { Entity } from "electrodb";
import { HOLD_REASONS } from "../../abuse/form";
import { CATEGORIES } from "../../report/category";
import { PRIORITIES } from "../../report/priority";
import { TABLE } from "../table";
import { type Binding, primary } from "./keys";

const alertSource = {
  trackingCode: { type: "string", required: true },
  category: { type: CATEGORIES, required: true },
  priority: { type: PRIORITIES, required: true },
  kecamatan: { type: "string", required: true },
  desa: { type: "string", required: true },
} as const;

export function quarantineEntities(binding: Binding) {
  const sourceCount = new Entity(
    {
      model: { entity: "sourceCount", version: "1", service: "lapora" },
      attributes: {
        counterKey: { type: "string", required: true, readOnly: true },
        count: { type: "number" },
        expiresAt: { type: "number", field: TABLE.ttlAttribute },
      },
      indexes: {
        byKey: {
          ...primary,
          pk: { ...primary.pk, composite: ["counterKey"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  const hold = new Entity(
    {
      model: { entity: "hold", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        createdAt: { type: "string", required: true, readOnly: true },
        reason: { type: HOLD_REASONS, required: true },
        ...alertSource,
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: [] },
        },
        list: {
          index: TABLE.gsi3.name,
          pk: { field: TABLE.gsi3.partitionKey, composite: [], template: "quarantine" },
          sk: { field: TABLE.gsi3.sortKey, composite: ["createdAt", "reportId"] },
        },
      },
    },
    binding,
  );

  // The stream consumer publishes from this item alone, as from a new report.
  const release = new Entity(
    {
      model: { entity: "release", version: "1", service: "lapora" },
      attributes: {
        releaseOf: { type: "string", required: true, readOnly: true },
        reportId: { type: "string", required: true, readOnly: true },
        at: { type: "string", required: true },
        ...alertSource,
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["releaseOf"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  const heldSummary = new Entity(
    {
      model: { entity: "heldSummary", version: "1", service: "lapora" },
      attributes: {
        summaryId: { type: "string", required: true, readOnly: true },
        count: { type: "number", required: true },
        at: { type: "string", required: true },
      },
      indexes: {
        byId: {
          ...primary,
          pk: { ...primary.pk, composite: ["summaryId"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  const heldSummaryState = new Entity(
    {
      model: { entity: "heldSummaryState", version: "1", service: "lapora" },
      attributes: {
        summaryOf: { type: "string", required: true, readOnly: true },
        /** When the last summary went, and the newest held report it counted. */
        lastAt: { type: "string", required: true },
        upTo: { type: "string", required: true },
      },
      indexes: {
        byName: {
          ...primary,
          pk: { ...primary.pk, composite: ["summaryOf"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  return { sourceCount, hold, release, heldSummary, heldSummaryState };
}
