import * as z from "zod/mini";
import type { FieldIssue } from "../errors";
import { parseIndonesianPhone } from "../phone/phone";
import { desaBelongsTo, findDesa, findKecamatan, isInsideRegency } from "../region/region";
import { CATEGORIES } from "./category";
import { type Lang, MESSAGES, type MessageCode, messageFor } from "./messages";

const CLOCK_SKEW_MS = 5 * 60_000; // phones' clocks drift; a few minutes ahead is not "the future"
const ONE_YEAR_MS = 366 * 24 * 60 * 60_000;

// Control characters are dropped, but line breaks and tabs stay: residents write in paragraphs.
const CONTROL = /(?![\n\t])[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Removes control and bidi-override characters, normalises line ends, and trims. */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, "\n").replace(CONTROL, "").trim();
}

/** Length as a person counts it: emoji and other astral characters count once. */
export function textLength(s: string): number {
  return [...s].length;
}

// The message of each issue is a code from messages.ts; a missing value becomes "required".
const code =
  (c: MessageCode) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? "required" : c;

const text = (c: MessageCode) => z.pipe(z.string({ error: code(c) }), z.transform(cleanText));

/** An Indonesian phone number, stored in E.164; its issues are `{prefix}.invalid` or `{prefix}.not_indonesian`. */
const phoneAt = (prefix: "reporter.phone" | "reporter.preferences.safePhone") =>
  z.pipe(
    z.string({ error: code(`${prefix}.invalid`) }),
    z.transform((raw, ctx) => {
      const phone = parseIndonesianPhone(raw);
      if (phone.ok) return phone.e164; // E.164, e.g. +6281234567890
      ctx.issues.push({ code: "custom", message: `${prefix}.${phone.reason}`, input: raw });
      return z.NEVER;
    }),
  );

/** A time of day in WIB, `HH:MM` (24 hours). */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const clockTime = z
  .string({ error: code("reporter.preferences.callHours.invalid") })
  .check(z.regex(CLOCK_TIME, "reporter.preferences.callHours.invalid"));

/**
 * How the reporter may be contacted (reporter/contact.ts): SMS, calls and in which WIB hours, whether an
 * officer may come to her house, and a safer number to use instead. Absent means no wish was given.
 */
const preferences = z
  .strictObject(
    {
      sms: z.boolean({ error: code("reporter.preferences.sms.invalid") }),
      calls: z.boolean({ error: code("reporter.preferences.calls.invalid") }),
      callFrom: z.optional(clockTime),
      callTo: z.optional(clockTime),
      noHomeVisit: z.optional(z.boolean({ error: code("reporter.preferences.noHomeVisit.invalid") })),
      safePhone: z.optional(phoneAt("reporter.preferences.safePhone")),
    },
    { error: code("reporter.preferences.invalid") },
  )
  .check((ctx) => {
    const { calls, callFrom, callTo } = ctx.value;
    const issue = (field: string, message: MessageCode) =>
      ctx.issues.push({ code: "custom", message, path: [field], input: ctx.value });
    if ((callFrom === undefined) !== (callTo === undefined)) {
      issue(callFrom === undefined ? "callFrom" : "callTo", "reporter.preferences.callHours.incomplete");
    } else if (callFrom !== undefined && !calls) {
      issue("callFrom", "reporter.preferences.callHours.without_calls");
    } else if (callFrom !== undefined && callFrom === callTo) {
      issue("callTo", "reporter.preferences.callHours.empty");
    }
  });

const reporter = z.discriminatedUnion(
  "anonymous",
  [
    z.strictObject({ anonymous: z.literal(true) }),
    z
      .strictObject({
        anonymous: z.literal(false),
        name: text("reporter.name.invalid").check(
          z.refine((s) => textLength(s) >= 2 && textLength(s) <= 100, "reporter.name.invalid"),
        ),
        phone: phoneAt("reporter.phone"),
        /** "Kabari saya lewat SMS": one SMS at the moments reporter/updates.ts names. */
        smsUpdates: z.optional(z.boolean({ error: code("reporter.smsUpdates.invalid") })),
        preferences: z.optional(preferences),
      })
      .check((ctx) => {
        // Updates by SMS to someone who said "no SMS" would be the SMS she asked not to get.
        if (ctx.value.smsUpdates && ctx.value.preferences?.sms === false) {
          const message: MessageCode = "reporter.smsUpdates.not_allowed";
          ctx.issues.push({ code: "custom", message, path: ["smsUpdates"], input: true });
        }
      }),
  ],
  { error: code("reporter.invalid") },
);

const location = z.strictObject(
  {
    lat: z.number({ error: code("location.invalid") }).check(z.refine(Number.isFinite, "location.invalid")),
    lon: z.number({ error: code("location.invalid") }).check(z.refine(Number.isFinite, "location.invalid")),
  },
  { error: code("location.invalid") },
);

/** A resident's report as submitted: the body of `POST /api/reports`. Unknown fields are refused. */
export const ReportInput = z
  .strictObject(
    {
      category: z.enum(CATEGORIES, { error: code("category.invalid") }),
      happeningNow: z.boolean({ error: code("happeningNow.invalid") }),
      kecamatan: z
        .string({ error: code("kecamatan.invalid") })
        .check(z.refine((c) => findKecamatan(c) !== undefined, "kecamatan.invalid")),
      desa: z
        .string({ error: code("desa.invalid") })
        .check(z.refine((c) => findDesa(c) !== undefined, "desa.invalid")),
      occurredAt: z.pipe(
        z.iso.datetime({ offset: true, error: code("occurredAt.invalid") }),
        z.transform((s, ctx) => {
          const t = Date.parse(s);
          const now = Date.now();
          if (t > now + CLOCK_SKEW_MS)
            ctx.issues.push({ code: "custom", message: "occurredAt.future", input: s });
          else if (t < now - ONE_YEAR_MS)
            ctx.issues.push({ code: "custom", message: "occurredAt.too_old", input: s });
          return new Date(t).toISOString();
        }),
      ),
      description: text("description.invalid").check(
        z.refine((s) => textLength(s) >= 10, "description.too_short"),
        z.refine((s) => textLength(s) <= 2000, "description.too_long"),
      ),
      location: z.optional(
        location.check(z.refine((l) => isInsideRegency(l.lat, l.lon), { message: "location.outside" })),
      ),
      reporter,
    },
    { error: code("invalid_body") },
  )
  .check((ctx) => {
    const { kecamatan, desa } = ctx.value;
    if (findKecamatan(kecamatan) && findDesa(desa) && !desaBelongsTo(desa, kecamatan)) {
      ctx.issues.push({ code: "custom", message: "desa.not_in_kecamatan", path: ["desa"], input: desa });
    }
  });

export type ReportInput = z.output<typeof ReportInput>;
export type ReportInputRaw = z.input<typeof ReportInput>;
export type Reporter = ReportInput["reporter"];
export type ContactPreferences = NonNullable<Extract<Reporter, { anonymous: false }>["preferences"]>;

/** Turns zod issues into one entry per bad field, with a stable code and a message in `lang`. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[], lang: Lang = "en"): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const raw of issue.keys) {
        const key = raw === "" ? '""' : raw;
        const field = base ? `${base}.${key}` : key;
        out.push({ field, code: "unknown_field", message: messageFor("unknown_field", lang) });
      }
      continue;
    }
    const c = Object.hasOwn(MESSAGES, issue.message) ? issue.message : "invalid";
    const field = base || "body";
    if (out.some((o) => o.field === field)) continue; // the first reason per field is the one to fix
    out.push({ field, code: c, message: messageFor(c, lang) });
  }
  return out;
}

/** Parses a report body, returning the clean input or the field issues. */
export function parseReportInput(
  body: unknown,
  lang: Lang = "en",
): { ok: true; value: ReportInput } | { ok: false; issues: FieldIssue[] } {
  const result = ReportInput.safeParse(body);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: toFieldIssues(result.error.issues, lang) };
}
