import { CATEGORIES, type Category, isSensitive } from "@lapora/core/browser";
import { readJson, writeJson } from "../lib/storage";
import { fromWibInput, toWibInput } from "../lib/time";

/** What the resident has entered, exactly as the controls hold it. */
export interface FormState {
  category: Category | "";
  happeningNow: "" | "yes" | "no";
  kecamatan: string;
  /** The chosen desa's code, or "" while the typed text matches none. */
  desa: string;
  /** What is typed in the desa search box. */
  desaText: string;
  /** A datetime-local value, read as WIB. */
  occurredAt: string;
  description: string;
  location: { lat: number; lon: number } | null;
  anonymous: boolean;
  name: string;
  phone: string;
  /** "Kabari saya lewat SMS": only with a phone, and only while SMS is allowed. */
  smsUpdates: boolean;
  /** How she may be contacted (core reporter/contact.ts): sent with a phone only. */
  smsAllowed: boolean;
  callsAllowed: boolean;
  /** "HH:MM" WIB, both or neither; "" for any time. */
  callFrom: string;
  callTo: string;
  noHomeVisit: boolean;
  safePhone: string;
}

/**
 * What the form tells the server about itself (the bot traps, core/abuse/form.ts): the honeypot field a
 * person never sees, and how many seconds the form was open before it was first sent.
 */
export interface FormMeta {
  website: string;
  fillSeconds: number;
}

/** A draft kept on the phone: the entries, the report's Idempotency-Key, and bodies whose fate is unknown. */
export interface Draft {
  state: FormState;
  key: string | null;
  /** Bodies sent with `key` that got no clear answer: the server may have stored one of them. */
  pendingBodies: string[];
  /** When the form was first opened (this phone's clock, ms), for the fill time. */
  startedAt: number;
  /** Fixed at the first send, so every retry of the report is byte-identical. */
  form: FormMeta | null;
}

export function emptyState(now = new Date()): FormState {
  return {
    category: "",
    happeningNow: "",
    kecamatan: "",
    desa: "",
    desaText: "",
    occurredAt: toWibInput(now),
    description: "",
    location: null,
    anonymous: true,
    name: "",
    phone: "",
    smsUpdates: false,
    smsAllowed: true,
    callsAllowed: true,
    callFrom: "",
    callTo: "",
    noHomeVisit: false,
    safePhone: "",
  };
}

/** The contact wishes as the API takes them (core report/input.ts): hours only with calls, a safe number if typed. */
function preferencesOf(s: FormState): Record<string, unknown> {
  const hours = s.callsAllowed && (s.callFrom || s.callTo);
  return {
    sms: s.smsAllowed,
    calls: s.callsAllowed,
    ...(hours
      ? { ...(s.callFrom ? { callFrom: s.callFrom } : {}), ...(s.callTo ? { callTo: s.callTo } : {}) }
      : {}),
    ...(s.noHomeVisit ? { noHomeVisit: true } : {}),
    ...(s.safePhone.trim() ? { safePhone: s.safePhone.trim() } : {}),
  };
}

/**
 * The request body for these entries. Empty choices are left out so core's rules report them as
 * required; unmatched desa text is sent as typed so it is reported as "choose from the list".
 */
export function toBody(s: FormState): Record<string, unknown> {
  return {
    ...(s.category ? { category: s.category } : {}),
    ...(s.happeningNow ? { happeningNow: s.happeningNow === "yes" } : {}),
    ...(s.kecamatan ? { kecamatan: s.kecamatan } : {}),
    ...(s.desa || s.desaText.trim() ? { desa: s.desa || s.desaText.trim() } : {}),
    ...(fromWibInput(s.occurredAt) ? { occurredAt: fromWibInput(s.occurredAt) } : {}),
    description: s.description,
    ...(s.location ? { location: s.location } : {}),
    reporter: s.anonymous
      ? { anonymous: true }
      : {
          anonymous: false,
          name: s.name,
          phone: s.phone,
          ...(s.smsUpdates && s.smsAllowed ? { smsUpdates: true } : {}),
          preferences: preferencesOf(s),
        },
  };
}

const DRAFT_KEY = "lapora.draft.v1";

const str = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);

// The stored draft is untrusted input (an older version, or edited by hand): take each field only when
// it has the right type, so a bad draft degrades to an empty form instead of a broken page.
function reviveState(raw: unknown): FormState {
  const base = emptyState();
  if (typeof raw !== "object" || raw === null) return base;
  const r = raw as Record<string, unknown>;
  const loc = r.location as { lat?: unknown; lon?: unknown } | null | undefined;
  return {
    category: CATEGORIES.find((c) => c === r.category) ?? "",
    happeningNow: r.happeningNow === "yes" || r.happeningNow === "no" ? r.happeningNow : "",
    kecamatan: str(r.kecamatan, ""),
    desa: str(r.desa, ""),
    desaText: str(r.desaText, ""),
    occurredAt: str(r.occurredAt, base.occurredAt),
    description: str(r.description, ""),
    location:
      loc && typeof loc.lat === "number" && typeof loc.lon === "number"
        ? { lat: loc.lat, lon: loc.lon }
        : null,
    anonymous: r.anonymous !== false,
    name: str(r.name, ""),
    phone: str(r.phone, ""),
    smsUpdates: r.smsUpdates === true,
    smsAllowed: r.smsAllowed !== false,
    callsAllowed: r.callsAllowed !== false,
    callFrom: str(r.callFrom, ""),
    callTo: str(r.callTo, ""),
    noHomeVisit: r.noHomeVisit === true,
    safePhone: str(r.safePhone, ""),
  };
}

/** The draft saved on this phone, or a fresh one. */
export function loadDraft(): Draft {
  const raw = readJson(DRAFT_KEY) as Partial<Record<keyof Draft, unknown>> | undefined;
  const fresh = { state: emptyState(), key: null, pendingBodies: [], startedAt: Date.now(), form: null };
  if (!raw || typeof raw !== "object") return fresh;
  const category = (raw.state as { category?: unknown } | undefined)?.category;
  if (CATEGORIES.some((c) => c === category && isSensitive(c))) return fresh; // never kept: see saveDraft
  const pending = Array.isArray(raw.pendingBodies) ? raw.pendingBodies : [];
  const form = raw.form as Partial<FormMeta> | null | undefined;
  return {
    state: reviveState(raw.state),
    key: typeof raw.key === "string" ? raw.key : null,
    pendingBodies: pending.filter((b): b is string => typeof b === "string"),
    startedAt: typeof raw.startedAt === "number" ? raw.startedAt : fresh.startedAt,
    form:
      form && typeof form.website === "string" && typeof form.fillSeconds === "number"
        ? { website: form.website, fillSeconds: form.fillSeconds }
        : null,
  };
}

/** Nothing typed or chosen yet (the time defaults to now, so it does not count). */
function isBlank(draft: Draft): boolean {
  const { occurredAt: _a, ...typed } = draft.state;
  const { occurredAt: _b, ...empty } = emptyState();
  return draft.key === null && JSON.stringify(typed) === JSON.stringify(empty);
}

/**
 * Keeps the draft on this phone, except for a sensitive category (KDRT, sexual violence): her abuser may
 * pick up the phone, so that draft lives in the page's memory only, and any earlier one is removed. An
 * empty form leaves nothing either: not even a sign that Lapora was opened.
 */
export function saveDraft(draft: Draft): void {
  const sensitive = draft.state.category !== "" && isSensitive(draft.state.category);
  writeJson(DRAFT_KEY, sensitive || isBlank(draft) ? undefined : draft);
}

export function clearDraft(): void {
  writeJson(DRAFT_KEY, undefined);
}
