/**
 * SMS alerts (see ../README.md for every access pattern):
 * - escalations of a report (in the report's item collection):
 *                                   pk = $lapora#reportid_{id}, sk = $escalation_1#level_{kapolsek|spkt}
 * - "alert sent" marker of a report and alert kind, expires by TTL:
 *                                   pk = $lapora#reportid_{id}#alert_{kind}, sk = $alertmarker_1
 * - an officer's SMS subscription (next to the officer item):
 *                                   pk = $lapora#nrp_{nrp}, sk = $alertsubscription_1
 */
import { Entity } from "electrodb";
import { ESCALATION_LEVELS } from "../../alert/types";
import { CATEGORIES } from "../../report/category";
import { PRIORITIES } from "../../report/priority";
import { TABLE } from "../table";
import { type Binding, primary } from "./keys";

export function alertEntities(binding: Binding) {
  // The stream consumer publishes from this item alone, so it carries what the SMS needs and nothing else.
  const escalation = new Entity(
    {
      model: { entity: "escalation", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        level: { type: ESCALATION_LEVELS, required: true, readOnly: true },
        at: { type: "string", required: true },
        waitedMinutes: { type: "number", required: true },
        trackingCode: { type: "string", required: true },
        category: { type: CATEGORIES, required: true },
        priority: { type: PRIORITIES, required: true },
        kecamatan: { type: "string", required: true },
        desa: { type: "string", required: true },
      },
      indexes: {
        byReport: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId"] },
          sk: { ...primary.sk, composite: ["level"] },
        },
      },
    },
    binding,
  );

  const alertMarker = new Entity(
    {
      model: { entity: "alertMarker", version: "1", service: "lapora" },
      attributes: {
        reportId: { type: "string", required: true, readOnly: true },
        /** The alert kind, or one officer's channel of it: `{kind}#sms#{nrp}`, `{kind}#push#{nrp}#{device}`. */
        kind: { type: "string", required: true, readOnly: true },
        state: { type: ["sending", "sent"] as const, required: true },
        /** Who holds the claim; only they may release it or mark it sent. */
        claimId: { type: "string", required: true },
        /** Epoch ms after which a `sending` claim is taken to belong to a crashed run. */
        leaseUntil: { type: "number", required: true },
        messageId: { type: "string" },
        at: { type: "string", required: true },
        expiresAt: { type: "number", required: true, field: TABLE.ttlAttribute },
      },
      indexes: {
        byAlert: {
          ...primary,
          pk: { ...primary.pk, composite: ["reportId", "kind"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  const alertSubscription = new Entity(
    {
      model: { entity: "alertSubscription", version: "1", service: "lapora" },
      attributes: {
        nrp: { type: "string", required: true, readOnly: true },
        subscriptionArn: { type: "string", required: true },
        /** The phone number (AWS) or queue ARN (local) subscribed: a changed endpoint needs a new subscription. */
        endpoint: { type: "string", required: true },
        filterPolicy: { type: "string", required: true },
        updatedAt: { type: "string", required: true },
      },
      indexes: {
        byNrp: {
          ...primary,
          pk: { ...primary.pk, composite: ["nrp"] },
          sk: { ...primary.sk, composite: [] },
        },
      },
    },
    binding,
  );

  return { escalation, alertMarker, alertSubscription };
}
