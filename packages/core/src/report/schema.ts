/**
 * The contract's description of a resident's report, the body of `POST /api/reports`, for the OpenAPI
 * document (contract/routes.ts): its fields, their types and which may be absent. The rules themselves
 * (a real desa of that kecamatan, an Indonesian phone, the time window, the call hours) are plain
 * functions in input.ts, which the API and the public form both run; input.test.ts checks that this
 * description lets in every body those rules let in.
 */
import * as z from "zod/mini";
import { CATEGORIES } from "./category";
import { CLOCK_TIME } from "./input";

const clockTime = z.string().check(z.regex(CLOCK_TIME));

const preferences = z.strictObject({
  sms: z.boolean(),
  calls: z.boolean(),
  callFrom: z.optional(clockTime),
  callTo: z.optional(clockTime),
  noHomeVisit: z.optional(z.boolean()),
  safePhone: z.optional(z.string()),
});

const reporter = z.discriminatedUnion("anonymous", [
  z.strictObject({ anonymous: z.literal(true) }),
  z.strictObject({
    anonymous: z.literal(false),
    name: z.string(),
    phone: z.string(),
    smsUpdates: z.optional(z.boolean()),
    preferences: z.optional(preferences),
  }),
]);

/**
 * A resident's report as submitted, as the contract describes it. Unknown fields are refused. Only a
 * description: it checks no desa, phone or time, and cleans nothing; parse a body with parseReportInput.
 */
export const ReportBodyShape = z.strictObject({
  category: z.enum(CATEGORIES),
  happeningNow: z.boolean(),
  kecamatan: z.string(),
  desa: z.string(),
  occurredAt: z.iso.datetime({ offset: true }),
  description: z.string(),
  location: z.optional(z.strictObject({ lat: z.number(), lon: z.number() })),
  reporter,
});
