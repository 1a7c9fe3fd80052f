/**
 * A report and the items written in its transaction (see ../README.md for every access pattern):
 * - report by id:                        pk = $lapora#reportid_{id}, sk = $report_1
 * - reports of a WIB day, by time:       gsi1pk = $lapora#createdday_{yyyy-mm-dd}, gsi1sk = $report_1#createdat_{iso}#reportid_{id}
 * - reports of a kecamatan, newest first: gsi2pk = $lapora#kecamatan_{code}, gsi2sk = $report_1#createdat_{iso}#reportid_{id}
 * - all reports, newest first:           gsi3pk = reports, gsi3sk = $report_1#createdat_{iso}#reportid_{id}
 * - open reports, most urgent first (sparse: only diterima/diverifikasi/ditangani are in it):
 *                                        gsi4pk = open-reports, gsi4sk = $report_1#priorityrank_{0-3}#createdat_{iso}#reportid_{id}
 * A report held for review (`heldReason` set: see report/quarantine.ts) has none of the four index keys, so it
 * is in no queue, no statistics and no escalation; its hold item lists it for SPKT (entities/quarantine.ts).
 * A smoke test's report (`test`: report/smoke-test.ts) has none either, and no hold item.
 * - tracking code -> report id (claim):  pk = $lapora#trackingcode_{code}, sk = $trackingcode_1
 * - idempotency key -> stored response:  pk = $lapora#key_{scope#key}, sk = $idempotency_1, expires by TTL
 */
import { Entity } from "electrodb";
import { DISCARDED, HOLD_REASONS } from "../../abuse/form";
import { CATEGORIES } from "../../report/category";
import { PRIORITIES } from "../../report/priority";
import { OPEN_STATUSES, STATUSES, type Status } from "../../report/status";
import { TABLE } from "../table";
import { type Binding, primary } from "./keys";

/** Only a report not held for review, and no smoke test, is in the day, area, time and open-reports indexes. */
const notHeld = (attr: { heldReason?: unknown; test?: unknown }) =>
  attr.heldReason === undefined && attr.test !== true;

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
            smsUpdates: { type: "boolean" },
            preferences: {
              type: "map",
              properties: {
                sms: { type: "boolean", required: true },
                calls: { type: "boolean", required: true },
                callFrom: { type: "string" },
                callTo: { type: "string" },
                noHomeVisit: { type: "boolean" },
                safePhone: { type: "string" },
              },
            },
          },
        },
        contactErasedAt: { type: "string" },
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
        /** Why the report is held for SPKT's review, or that SPKT discarded it; absent once released. */
        heldReason: { type: [...HOLD_REASONS, DISCARDED] as const },
        heldAt: { type: "string" },
        releasedAt: { type: "string" },
        test: { type: "boolean", readOnly: true },
        resolvedAt: { type: "string" },
        secondsToResolve: { type: "number" },
        feedback: {
          type: "map",
          properties: {
            satisfied: { type: "boolean", required: true },
            rating: { type: "number", required: true },
            comment: { type: "string" },
            at: { type: "string", required: true },
          },
        },
        reopenCount: { type: "number" },
        reopenedAt: { type: "string" },
        // The service targets promised when it arrived (report/targets.ts).
        verifyBy: { type: "string", readOnly: true },
        resolveBy: { type: "string", readOnly: true },
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
          condition: notHeld,
          index: TABLE.gsi1.name,
          pk: { field: TABLE.gsi1.partitionKey, composite: ["createdDay"] },
          sk: { field: TABLE.gsi1.sortKey, composite: ["createdAt", "reportId"] },
        },
        byArea: {
          condition: notHeld,
          index: TABLE.gsi2.name,
          pk: { field: TABLE.gsi2.partitionKey, composite: ["kecamatan"] },
          sk: { field: TABLE.gsi2.sortKey, composite: ["createdAt", "reportId"] },
        },
        byTime: {
          condition: notHeld,
          index: TABLE.gsi3.name,
          pk: { field: TABLE.gsi3.partitionKey, composite: [], template: "reports" },
          sk: { field: TABLE.gsi3.sortKey, composite: ["createdAt", "reportId"] },
        },
        openByUrgency: {
          index: TABLE.gsi4.name,
          condition: (attr) => notHeld(attr) && OPEN_STATUSES.includes(attr.status as Status),
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
