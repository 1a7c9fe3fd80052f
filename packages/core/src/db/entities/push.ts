/**
 * Push-first alerts (see ../README.md for every access pattern):
 * - an officer's push device (next to the officer item):
 *                                   pk = $lapora#nrp_{nrp}, sk = $pushdevice_1#deviceid_{id}
 * - an officer's acknowledgement of a report (in the report's item collection):
 *                                   pk = $lapora#reportid_{id}, sk = $acknowledgement_1#nrp_{nrp}
 * - the SMS count of one WIB day, for the budget, expires by TTL:
 *                                   pk = $lapora#smsday_{yyyy-mm-dd}, sk = $smsbudget_1
 * - a tinggi SMS due to an officer who has not acknowledged (in the report's item collection):
 *                                   pk = $lapora#reportid_{id}, sk = $smsfollowup_1#kind_{kind}#nrp_{nrp}
 *                                   gsi3pk = sms-follow-ups, gsi3sk = $smsfollowup_1#dueat_{iso}#...
 */
import { Entity } from "electrodb";
import { ACK_VIA } from "../../alert/ack";
import { ALERT_KINDS } from "../../alert/types";
import { CATEGORIES } from "../../report/category";
import { PRIORITIES } from "../../report/priority";
import { TABLE } from "../table";
import { type Binding, primary } from "./keys";

export function pushEntities(binding: Binding) {
  const pushDevice = new Entity(
    {
      model: { entity: "pushDevice", version: "1", service: "lapora" },
      attributes: {
        nrp: { type: "string", required: true, readOnly: true },
        deviceId: { type: "string", required: true, readOnly: true },
        endpoint: { type: "string", required: true },
        p256dh: { type: "string", required: true },
        auth: { type: "string", required: true },
        label: { type: "string", required: true },
        createdAt: { type: "string", required: true },
        lastOkAt: { type: "string" },
        failingSince: { type: "string" },
      },
      indexes: {
        byNrp: {
          ...primary,
          pk: { ...primary.pk, composite: ["nrp"] },
          sk: { ...primary.sk, composite: ["deviceId"] },
        },
      },
    },
    binding,
  );

  const acknowledgement = new Entity(
    {
      model: { entity: "acknowledgement", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        nrp: { type: "string", required: true, readOnly: true },
        at: { type: "string", required: true },
        via: { type: ACK_VIA, required: true },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: ["nrp"] },
        },
      },
    },
    binding,
  );

  const smsBudget = new Entity(
    {
      model: { entity: "smsBudget", version: "1", service: "lapora" },
      attributes: {
        smsDay: { type: "string", required: true, readOnly: true },
        count: { type: "number" },
        expiresAt: { type: "number", field: TABLE.ttlAttribute },
      },
      indexes: {
        byDay: {
          ...primary,
          pk: { ...primary.pk, composite: ["smsDay"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  const smsFollowUp = new Entity(
    {
      model: { entity: "smsFollowUp", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        kind: { type: ALERT_KINDS, required: true, readOnly: true },
        nrp: { type: "string", required: true, readOnly: true },
        dueAt: { type: "string", required: true, readOnly: true },
        trackingCode: { type: "string", required: true },
        category: { type: CATEGORIES, required: true },
        priority: { type: PRIORITIES, required: true },
        kecamatan: { type: "string", required: true },
        desa: { type: "string", required: true },
        waitedMinutes: { type: "number" },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: ["kind", "nrp"] },
        },
        due: {
          index: TABLE.gsi3.name,
          pk: { field: TABLE.gsi3.partitionKey, composite: [], template: "sms-follow-ups" },
          sk: { field: TABLE.gsi3.sortKey, composite: ["dueAt", "reportId", "kind", "nrp"] },
        },
      },
    },
    binding,
  );

  return { pushDevice, acknowledgement, smsBudget, smsFollowUp };
}
