/**
 * A report and the items written in its transaction (see ../README.md for every access pattern):
 * - report by id:                        pk = $lapora#reportid_{id}, sk = $report_1
 * - reports of a WIB day, by time:       gsi1pk = $lapora#createdday_{yyyy-mm-dd}, gsi1sk = $report_1#createdat_{iso}#reportid_{id}
 * - reports of a kecamatan, newest first: gsi2pk = $lapora#kecamatan_{code}, gsi2sk = $report_1#createdat_{iso}#reportid_{id}
 * - all reports, newest first:           gsi3pk = reports, gsi3sk = $report_1#createdat_{iso}#reportid_{id}
 * - open reports, most urgent first (sparse: only diterima/diverifikasi/ditangani are in it):
 *                                        gsi4pk = open-reports, gsi4sk = $report_1#priorityrank_{0-3}#createdat_{iso}#reportid_{id}
 * - tracking code -> report id (claim):  pk = $lapora#trackingcode_{code}, sk = $trackingcode_1
 * - idempotency key -> stored response:  pk = $lapora#key_{scope#key}, sk = $idempotency_1, expires by TTL
 */
import { Entity } from "electrodb";
import { CATEGORIES } from "../../report/category";
import { PRIORITIES } from "../../report/priority";
import { OPEN_STATUSES, STATUSES, type Status } from "../../report/status";
import { TABLE } from "../table";
import { type Binding, primary } from "./keys";

export function reportEntities(binding: Binding) {
  const report = new Entity(
    {
      model: { entity: "report", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        trackingCode: { type: "string", required: true, readOnly: true },
        category: { type: CATEGORIES, required: true },
        description: { type: "string", required: true },
        kecamatan: { type: "string", required: true },
        desa: { type: "string", required: true },
        occurredAt: { type: "string", required: true },
        happeningNow: { type: "boolean", required: true },
        location: { type: "map", properties: { lat: { type: "number" }, lon: { type: "number" } } },
        reporter: {
          type: "map",
          required: true,
          properties: {
            anonymous: { type: "boolean", required: true },
            name: { type: "string" },
            phone: { type: "string" },
          },
        },
        priority: { type: PRIORITIES, required: true },
        status: { type: STATUSES, required: true },
        version: { type: "number", required: true },
        createdAt: { type: "string", required: true, readOnly: true },
        createdDay: { type: "string", required: true, readOnly: true },
        updatedAt: { type: "string", required: true },
        assignee: { type: "string" },
        duplicateOf: { type: "string" },
        acknowledgedAt: { type: "string" },
        secondsToAcknowledge: { type: "number" },
        resolvedAt: { type: "string" },
        secondsToResolve: { type: "number" },
        // Derived for the urgency index: darurat sorts first.
        priorityRank: {
          type: "number",
          watch: ["priority"],
          set: (_, item) => PRIORITIES.indexOf(item.priority),
          hidden: true,
        },
        timeline: {
          type: "list",
          required: true,
          items: {
            type: "map",
            properties: {
              at: { type: "string", required: true },
              status: { type: STATUSES, required: true },
              note: { type: "string" },
            },
          },
        },
      },
      indexes: {
        byId: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: [] },
        },
        byDay: {
          index: TABLE.gsi1.name,
          pk: { field: TABLE.gsi1.partitionKey, composite: ["createdDay"] },
          sk: { field: TABLE.gsi1.sortKey, composite: ["createdAt", "reportId"] },
        },
        byArea: {
          index: TABLE.gsi2.name,
          pk: { field: TABLE.gsi2.partitionKey, composite: ["kecamatan"] },
          sk: { field: TABLE.gsi2.sortKey, composite: ["createdAt", "reportId"] },
        },
        byTime: {
          index: TABLE.gsi3.name,
          pk: { field: TABLE.gsi3.partitionKey, composite: [], template: "reports" },
          sk: { field: TABLE.gsi3.sortKey, composite: ["createdAt", "reportId"] },
        },
        openByUrgency: {
          index: TABLE.gsi4.name,
          condition: (attr) => OPEN_STATUSES.includes(attr.status as Status),
          pk: { field: TABLE.gsi4.partitionKey, composite: [], template: "open-reports" },
          sk: { field: TABLE.gsi4.sortKey, composite: ["priorityRank", "createdAt", "reportId"] },
        },
      },
    },
    binding,
  );

  const trackingCode = new Entity(
    {
      model: { entity: "trackingCode", version: "1", service: "lapora" },
      attributes: {
        trackingCode: { type: "string", required: true, readOnly: true },
        reportId: { type: "string", required: true, readOnly: true },
      },
      indexes: {
        byCode: {
          ...primary,
          pk: { ...primary.pk, composite: ["trackingCode"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  const idempotency = new Entity(
    {
      model: { entity: "idempotency", version: "1", service: "lapora" },
      attributes: {
        key: { type: "string", required: true, readOnly: true },
        requestHash: { type: "string", required: true },
        reportId: { type: "string", required: true },
        response: { type: "any", required: true },
        createdAt: { type: "string", required: true },
        expiresAt: { type: "number", required: true, field: TABLE.ttlAttribute },
      },
      indexes: {
        byKey: {
          ...primary,
          pk: { ...primary.pk, composite: ["key"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  return { report, trackingCode, idempotency };
}
