/**
 * The rules of a resident's report, the body of `POST /api/reports`: one reader that the API's intake
 * and the public form both run (the form before sending, the API on arrival), written as plain functions
 * so the form carries no schema library. The contract (schema.ts) describes the same body's shape for
 * the OpenAPI document; input.test.ts checks that the description lets in every body these rules let in.
 */
import type { FieldIssue } from "../errors";
import { parseIndonesianPhone } from "../phone/phone";
import { desaBelongsTo, findDesa, findKecamatan, isInsideRegency } from "../region/region";
import { CATEGORIES, type Category } from "./category";
import { type Lang, type MessageCode, messageFor } from "./messages";

export interface ContactPreferences {
  sms: boolean;
  calls: boolean;
  /** WIB, `HH:MM`; with `callTo`, the hours in which a call is welcome. */
  callFrom?: string;
  callTo?: string;
  noHomeVisit?: boolean;
  /** A safer number to use instead of her own, E.164. */
  safePhone?: string;
}

export type Reporter =
  | { anonymous: true }
  | {
      anonymous: false;
      name: string;
      /** E.164, e.g. +6281234567890. */
      phone: string;
      /** "Kabari saya lewat SMS": one SMS at the moments reporter/updates.ts names. */
      smsUpdates?: boolean;
      preferences?: ContactPreferences;
    };

/** A report as the rules let it in: texts cleaned, phones in E.164, the time in UTC. */
export interface ReportInput {
  category: Category;
  happeningNow: boolean;
  kecamatan: string;
  desa: string;
  /** ISO 8601 in UTC. */
  occurredAt: string;
  description: string;
  location?: { lat: number; lon: number };
  reporter: Reporter;
}

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

/** A time of day in WIB, `HH:MM` (24 hours). */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** RFC 3339 with seconds and an offset (or Z), as the contract's `date-time` says; the date is checked apart. */
const DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

type PreferenceField = "sms" | "calls" | "callFrom" | "callTo" | "noHomeVisit" | "safePhone";
/** Every field an issue of the rules can name, besides an unknown field (named as it was sent). */
export type ReportField =
  | "body"
  | "category"
  | "happeningNow"
  | "kecamatan"
  | "desa"
  | "occurredAt"
  | "description"
  | "location"
  | "location.lat"
  | "location.lon"
  | "reporter"
  | "reporter.anonymous"
  | "reporter.name"
  | "reporter.phone"
  | "reporter.smsUpdates"
  | "reporter.preferences"
  | `reporter.preferences.${PreferenceField}`;
/** Where the reader is: a field, or "" for the body itself (answered as "body"). */
type At = ReportField | "";

type Json = Record<string, unknown>;
/** What a reader gives back for a value it refused (its issue is already noted). */
const BAD = Object.freeze({ refused: true as const });
type Read<T> = T | typeof BAD;
const ok = <T>(v: Read<T>): v is T => v !== BAD;
/** An object read field by field, once none of its fields was refused; absent fields are left out. */
type Clean<T> = { [K in keyof T]: Exclude<T[K], typeof BAD> };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isClockTime = (v: unknown): v is string => isString(v) && CLOCK_TIME.test(v);
const isCategory = (v: unknown): v is Category => CATEGORIES.includes(v as Category);
const isKecamatan = (v: unknown): v is string => isString(v) && findKecamatan(v) !== undefined;
const isDesa = (v: unknown): v is string => isString(v) && findDesa(v) !== undefined;

/** Reads one body, noting each bad field's reasons in the order the fields are read. */
class Reader {
  readonly issues: ReportIssue[] = [];

  note(field: At, code: MessageCode): typeof BAD {
    this.issues.push({ field, code });
    return BAD;
  }

  /** `v` if `is(v)`, else an issue: "required" when absent, `code` otherwise. */
  check<T>(v: unknown, field: At, code: MessageCode, is: (v: unknown) => v is T): Read<T> {
    return is(v) ? v : this.note(field, v === undefined ? "required" : code);
  }

  /** As `check`, for a field that may be absent. */
  optional<T>(v: unknown, field: At, code: MessageCode, is: (v: unknown) => v is T): Read<T | undefined> {
    return v === undefined ? undefined : this.check(v, field, code, is);
  }

  /**
   * An object of exactly the fields `read` reads (it gives each, absent ones as undefined): every other
   * key is noted as an unknown field, and then `across` checks the fields against each other. BAD when
   * anything inside was noted.
   */
  object<T extends object>(
    v: unknown,
    field: At,
    code: MessageCode,
    read: (o: Json) => T,
    across?: (value: T, o: Json) => void,
  ): Read<Clean<T>> {
    if (!isObject(v)) return this.note(field, v === undefined ? "required" : code);
    const before = this.issues.length;
    const value = read(v);
    const known = Object.keys(value);
    for (const k of Object.keys(v).filter((k) => !known.includes(k))) {
      this.issues.push({ field: `${field && `${field}.`}${k === "" ? '""' : k}`, code: "unknown_field" });
    }
    across?.(value, v);
    if (this.issues.length > before) return BAD;
    return Object.fromEntries(Object.entries(value).filter(([, f]) => f !== undefined)) as Clean<T>;
  }

  /** A text field, cleaned, whose length in characters is within `min`..`max`. */
  text(
    v: unknown,
    field: At,
    codes: readonly MessageCode[],
    { min, max }: { min: number; max: number },
  ): Read<string> {
    const [invalid, short = invalid, long = invalid] = codes as [MessageCode, ...MessageCode[]];
    const s = this.check(v, field, invalid, isString);
    if (!ok(s)) return BAD;
    const clean = cleanText(s);
    const n = textLength(clean);
    return n < min ? this.note(field, short) : n > max ? this.note(field, long) : clean;
  }

  /** An Indonesian phone number, as E.164; its issues are `{field}.invalid` or `{field}.not_indonesian`. */
  phone(v: unknown, field: "reporter.phone" | "reporter.preferences.safePhone"): Read<string> {
    const raw = this.check(v, field, `${field}.invalid`, isString);
    if (!ok(raw)) return BAD;
    const p = parseIndonesianPhone(raw);
    return p.ok ? p.e164 : this.note(field, `${field}.${p.reason}`);
  }

  /** The time it happened: RFC 3339, a real date, not in the future (beyond clock skew), at most a year ago. */
  occurredAt(v: unknown, now: number): Read<string> {
    const m = isString(v) ? DATE_TIME.exec(v) : null;
    const [year, month, day] = [m?.[1], m?.[2], m?.[3]].map(Number) as [number, number, number];
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day); // a real date: no 30 February
    if (!m || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return this.note("occurredAt", v === undefined ? "required" : "occurredAt.invalid");
    }
    const t = Date.parse(m[0]);
    if (t > now + CLOCK_SKEW_MS) return this.note("occurredAt", "occurredAt.future");
    if (t < now - ONE_YEAR_MS) return this.note("occurredAt", "occurredAt.too_old");
    return new Date(t).toISOString();
  }
}

const AT = "reporter.preferences";

/** How the reporter may be contacted (reporter/contact.ts); absent means no wish was given. */
function preferences(r: Reader, v: unknown) {
  return r.object(
    v,
    AT,
    `${AT}.invalid`,
    (o) => ({
      sms: r.check(o.sms, `${AT}.sms`, `${AT}.sms.invalid`, isBoolean),
      calls: r.check(o.calls, `${AT}.calls`, `${AT}.calls.invalid`, isBoolean),
      callFrom: r.optional(o.callFrom, `${AT}.callFrom`, `${AT}.callHours.invalid`, isClockTime),
      callTo: r.optional(o.callTo, `${AT}.callTo`, `${AT}.callHours.invalid`, isClockTime),
      noHomeVisit: r.optional(o.noHomeVisit, `${AT}.noHomeVisit`, `${AT}.noHomeVisit.invalid`, isBoolean),
      safePhone: o.safePhone === undefined ? undefined : r.phone(o.safePhone, `${AT}.safePhone`),
    }),
    ({ calls, callFrom, callTo }, o) => {
      // Call hours come as a pair, only with calls allowed, and not empty.
      const hours = typeof callFrom === "string";
      if ((o.callFrom === undefined) !== (o.callTo === undefined)) {
        r.note(`${AT}.${o.callFrom === undefined ? "callFrom" : "callTo"}`, `${AT}.callHours.incomplete`);
      } else if (hours && calls === false) {
        r.note(`${AT}.callFrom`, `${AT}.callHours.without_calls`);
      } else if (hours && calls === true && callFrom === callTo) {
        r.note(`${AT}.callTo`, `${AT}.callHours.empty`);
      }
    },
  );
}

function reporter(r: Reader, v: unknown): Read<Reporter> {
  if (!isObject(v)) return r.note("reporter", v === undefined ? "required" : "reporter.invalid");
  if (!isBoolean(v.anonymous)) return r.note("reporter.anonymous", "reporter.invalid");
  if (v.anonymous) return r.object(v, "reporter", "reporter.invalid", () => ({ anonymous: true as const }));
  return r.object(
    v,
    "reporter",
    "reporter.invalid",
    (o) => ({
      anonymous: false as const,
      name: r.text(o.name, "reporter.name", ["reporter.name.invalid"], NAME_LENGTH),
      phone: r.phone(o.phone, "reporter.phone"),
      smsUpdates: r.optional(o.smsUpdates, "reporter.smsUpdates", "reporter.smsUpdates.invalid", isBoolean),
      preferences: o.preferences === undefined ? undefined : preferences(r, o.preferences),
    }),
    ({ smsUpdates }, o) => {
      // Updates by SMS to someone who said "no SMS" would be the SMS she asked not to get.
      if (smsUpdates === true && isObject(o.preferences) && o.preferences.sms === false) {
        r.note("reporter.smsUpdates", "reporter.smsUpdates.not_allowed");
      }
    },
  );
}

function location(r: Reader, v: unknown): Read<{ lat: number; lon: number }> {
  const l = r.object(v, "location", "location.invalid", (o) => ({
    lat: r.check(o.lat, "location.lat", "location.invalid", isNumber),
    lon: r.check(o.lon, "location.lon", "location.invalid", isNumber),
  }));
  return !ok(l) || isInsideRegency(l.lat, l.lon) ? l : r.note("location", "location.outside");
}

const DESCRIPTION: MessageCode[] = ["description.invalid", "description.too_short", "description.too_long"];
/** How long a description and a name may be, in characters as textLength counts them. */
export const DESCRIPTION_LENGTH = { min: 10, max: 2000 } as const;
export const NAME_LENGTH = { min: 2, max: 100 } as const;

/** Reads a report body by the rules: the clean input, or BAD with each bad field's reasons noted. */
function readReport(r: Reader, body: unknown, now: number): Read<ReportInput> {
  return r.object(
    body,
    "",
    "invalid_body",
    (o) => ({
      category: r.check(o.category, "category", "category.invalid", isCategory),
      happeningNow: r.check(o.happeningNow, "happeningNow", "happeningNow.invalid", isBoolean),
      kecamatan: r.check(o.kecamatan, "kecamatan", "kecamatan.invalid", isKecamatan),
      desa: r.check(o.desa, "desa", "desa.invalid", isDesa),
      occurredAt: r.occurredAt(o.occurredAt, now),
      description: r.text(o.description, "description", DESCRIPTION, DESCRIPTION_LENGTH),
      location: o.location === undefined ? undefined : location(r, o.location),
      reporter: reporter(r, o.reporter),
    }),
    ({ kecamatan, desa }) => {
      if (ok(kecamatan) && ok(desa) && !desaBelongsTo(desa, kecamatan)) {
        r.note("desa", "desa.not_in_kecamatan");
      }
    },
  );
}

/** A bad field and the code of its reason (report/messages.ts). */
export type ReportIssue = { field: string; code: MessageCode };

/**
 * Checks a report body by the rules: the clean input, or one issue per bad field (its first reason),
 * as codes. What the form runs, showing each code in its reader's language.
 */
export function checkReportInput(
  body: unknown,
): { ok: true; value: ReportInput } | { ok: false; issues: ReportIssue[] } {
  const r = new Reader();
  const value = readReport(r, body, Date.now());
  if (ok(value)) return { ok: true, value };
  const out: ReportIssue[] = [];
  for (const { field, code } of r.issues) {
    const f = field || "body";
    // The first reason per field is the one to fix; each unknown field is named on its own.
    if (code !== "unknown_field" && out.some((o) => o.field === f)) continue;
    out.push({ field: f, code });
  }
  return { ok: false, issues: out };
}

/** As checkReportInput, with each issue's message in `lang`: what the API answers. */
export function parseReportInput(
  body: unknown,
  lang: Lang = "en",
): { ok: true; value: ReportInput } | { ok: false; issues: FieldIssue[] } {
  const r = checkReportInput(body);
  return r.ok ? r : { ok: false, issues: r.issues.map((i) => ({ ...i, message: messageFor(i.code, lang) })) };
}
