import { isSensitive, type Lang } from "@lapora/core/browser";
import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { deviceToken } from "../lib/device";
import { enqueue, listOutbox, type OutboxPhoto } from "../lib/outbox";
import { requestOutboxSync } from "../lib/service-worker";
import { newIdempotencyKey, type Progress, type Receipt, type SubmitResult, sendReport } from "../lib/submit";
import {
  clearDraft,
  type Draft,
  type FormMeta,
  type FormState,
  loadDraft,
  saveDraft,
  toBody,
} from "./form-state";
import { type FieldErrors, type FieldName, toFieldErrors, validate } from "./validate";

export interface Done {
  receipt: Receipt;
  happeningNow: boolean;
  /** KDRT or sexual violence: the receipt keeps nothing on the phone unless she asks (core isSensitive). */
  sensitive: boolean;
  /** The server already had an earlier version of this report (sent before the last edits). */
  earlier: boolean;
}

// Which error slots an edit of each entry can fix: a server error there is then stale.
const AFFECTS: Record<keyof FormState, FieldName[]> = {
  category: ["category"],
  happeningNow: ["happeningNow"],
  kecamatan: ["kecamatan", "desa"],
  desa: ["desa"],
  desaText: ["desa"],
  occurredAt: ["occurredAt"],
  description: ["description"],
  location: ["location"],
  anonymous: ["reporter.name", "reporter.phone"],
  name: ["reporter.name"],
  phone: ["reporter.phone"],
  smsUpdates: ["reporter.smsUpdates"],
  smsAllowed: ["reporter.smsUpdates"],
  callsAllowed: ["reporter.preferences.callFrom", "reporter.preferences.callTo"],
  callFrom: ["reporter.preferences.callFrom", "reporter.preferences.callTo"],
  callTo: ["reporter.preferences.callFrom", "reporter.preferences.callTo"],
  noHomeVisit: [],
  safePhone: ["reporter.preferences.safePhone"],
};

/**
 * The report form's state: draft, validation as you go, and submitting with one key across retries.
 * `photoTypes` gives the type of each photo to send; the body then asks for an upload form per photo.
 */
export function useReportForm(
  lang: Lang,
  photoTypes: () => Promise<string[]> = async () => [],
  /** The honeypot field's value at the time of sending (people never see it, so leave it empty). */
  honeypot: () => string = () => "",
  /** The prepared photos themselves, for the outbox when there is no signal. */
  photoBlobs: () => Promise<OutboxPhoto[]> = async () => [],
  /** The category's label in the outbox's list (nothing she wrote). */
  labelOf: (category: string) => string = (c) => c,
) {
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<
    "failed" | "rejected" | "offline-sensitive" | { limitedSeconds: number } | null
  >(null);
  const [done, setDone] = useState<Done | null>(null);
  /** Saved on the phone for later (no signal): how many reports wait now, this one included. */
  const [queued, setQueued] = useState<{ waiting: number } | null>(null);
  const [summaryTick, setSummaryTick] = useState(0);
  const busy = useRef(false);

  // A layout effect runs right after the render, not after paint: a reload or a closed tab straight
  // after typing must not lose the last words.
  useLayoutEffect(() => {
    if (!done) saveDraft(draft);
  }, [draft, done]);

  const liveErrors = useMemo(() => validate(toBody(draft.state)), [draft.state]);
  const errors: FieldErrors = {};
  for (const [field, code] of Object.entries(liveErrors) as [FieldName, string][]) {
    if (showAll || touched.has(field)) errors[field] = code;
  }
  Object.assign(errors, serverErrors);

  const set = (patch: Partial<FormState>) => {
    setDraft((d) => ({ ...d, state: { ...d.state, ...patch } }));
    const stale = (Object.keys(patch) as (keyof FormState)[]).flatMap((k) => AFFECTS[k]);
    if (stale.some((f) => serverErrors[f])) {
      setServerErrors((e) =>
        Object.fromEntries(Object.entries(e).filter(([f]) => !stale.includes(f as FieldName))),
      );
    }
  };
  const touch = (field: FieldName) => {
    setTouched((s) => (s.has(field) ? s : new Set([...s, field])));
  };

  const submit = async () => {
    if (busy.current) return;
    busy.current = true;
    setFailure(null);
    setServerErrors({});
    try {
      const body = toBody(draft.state);
      const local = validate(body);
      setShowAll(true);
      if (Object.keys(local).length > 0) return setSummaryTick((n) => n + 1);
      const photos = await photoTypes();
      const form: FormMeta = draft.form ?? {
        website: honeypot(),
        fillSeconds: Math.max(0, Math.round((Date.now() - draft.startedAt) / 1000)),
      };
      const json = JSON.stringify({ ...body, ...(photos.length > 0 ? { photos } : {}), form });
      const earlierBodies = draft.pendingBodies.filter((b) => b !== json);
      let key = draft.key ?? newIdempotencyKey();
      // Saved before sending: if the phone dies mid-request, the retry after a reload uses the same key.
      const pending = { ...draft, key, form, pendingBodies: [...earlierBodies, json].slice(-5) };
      setDraft(pending);
      saveDraft(pending);
      const { category } = draft.state;
      const sensitive = category !== "" && isSensitive(category);
      // No signal: into the outbox with this key and these bytes, sent when the phone is back online
      // (lib/outbox.ts). A sensitive report is never kept on the phone: she is told whom to call.
      const keepForLater = async () => {
        if (sensitive) return setFailure("offline-sensitive");
        await enqueue({
          key,
          body: json,
          lang,
          device: deviceToken(),
          label: labelOf(category),
          photos: await photoBlobs(),
        });
        clearDraft();
        void requestOutboxSync();
        const waiting = (await listOutbox()).filter((e) => e.state === "waiting").length;
        setQueued({ waiting: Math.max(1, waiting) });
      };
      if (!navigator.onLine && earlierBodies.length === 0) return await keepForLater();
      let result: SubmitResult = await sendReport(json, key, lang, setProgress);
      let earlier = false;
      // 409: this key already stored an earlier version whose answer we never got. Asking again with that
      // exact body replays its receipt, instead of creating a second report.
      for (const old of earlierBodies) {
        if (result.kind !== "conflict") break;
        result = await sendReport(old, key, lang, setProgress);
        earlier = result.kind === "created";
      }
      if (result.kind === "conflict") {
        key = newIdempotencyKey();
        setDraft((d) => ({ ...d, key, pendingBodies: [json] }));
        result = await sendReport(json, key, lang, setProgress);
      }
      if (result.kind === "created") {
        clearDraft();
        const { category, happeningNow } = draft.state;
        const sensitive = category !== "" && isSensitive(category);
        setDone({ receipt: result.receipt, happeningNow: happeningNow === "yes", sensitive, earlier });
      } else if (result.kind === "invalid") {
        // A 400 stores nothing, so this body no longer needs protecting by the key.
        setDraft((d) => ({ ...d, pendingBodies: d.pendingBodies.filter((b) => b !== json) }));
        setServerErrors(
          toFieldErrors(result.details.length > 0 ? result.details : [{ field: "form", code: "invalid" }]),
        );
        setFailure("rejected");
        setSummaryTick((n) => n + 1);
      } else if (result.kind === "limited") {
        // Nothing was stored: the draft stays for later, the resident is told when.
        setFailure({ limitedSeconds: result.retryAfterSeconds });
      } else if (earlierBodies.length === 0) {
        await keepForLater();
      } else {
        setFailure("failed");
      }
    } finally {
      setProgress(null);
      busy.current = false;
    }
  };

  const reset = () => {
    clearDraft();
    setDraft(loadDraft());
    setTouched(new Set());
    setShowAll(false);
    setServerErrors({});
    setFailure(null);
    setDone(null);
    setQueued(null);
  };

  return {
    state: draft.state,
    errors,
    set,
    touch,
    submit,
    reset,
    progress,
    failure,
    done,
    queued,
    summaryTick,
  };
}
