import { isSensitive } from "@lapora/core/browser";
import type { AnswerOf } from "@lapora/core/contract";
import { useEffect, useState } from "preact/hooks";
import { preparePhoto } from "../form/photo-compress";
import { sendPhoto, type UploadForm } from "../form/photo-upload";
import { reporter as enTexts } from "../i18n/en/reporter";
import { reporter as idTexts } from "../i18n/id/reporter";
import { useLang } from "../i18n/lang";
import { call } from "../lib/api";
import { forgetSecret, rememberSecret, secretFor } from "../lib/reporter-secrets";
import { ThreadList } from "../lib/thread-list";
import { EraseContact } from "./erase-contact";
import { SayForm } from "./say-form";

type ReporterView = AnswerOf<"reporterView", 200>;
type Loaded =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "ok"; view: ReporterView }
  | { kind: "wrong" }
  | { kind: "limited"; seconds: number }
  | { kind: "failed" };

const SECRET_HEADER = "Reporter-Secret";
const MAX_REPLY = 1000;
const base = (code: string) => `/api/reports/track/${encodeURIComponent(code)}/reporter`;

/**
 * The reporter's own part of the tracking page: with the secret of the receipt (kept on this phone, or
 * typed in), the thread with the officers, an answer box and more photos. Every text is rendered as
 * text: nothing an officer or reporter wrote is ever HTML here.
 */
export function ReporterPanel({
  code,
  onReport,
}: {
  code: string;
  /** The report as the reporter's view has it: newer than the public view after their own answers. */
  onReport?: (report: ReporterView) => void;
}) {
  const { lang } = useLang();
  const r = lang === "en" ? enTexts : idTexts;
  const [secret, setSecret] = useState(() => secretFor(code) ?? "");
  const [loaded, setLoaded] = useState<Loaded>({ kind: "idle" });
  const [reply, setReply] = useState("");
  const [replyState, setReplyState] = useState<"" | "sending" | "sent" | "empty" | "long" | "failed">("");
  const [photoState, setPhotoState] = useState<"" | "sending" | "sent" | "failed">("");
  const [forgotten, setForgotten] = useState(false);

  const open = async (value = secret) => {
    setLoaded({ kind: "loading" });
    const res = await call<ReporterView>("GET", base(code), { headers: { [SECRET_HEADER]: value } });
    if (res.kind === "ok") {
      // A sensitive report's key stays on the phone only if she chose so at the receipt.
      if (!isSensitive(res.data.category)) rememberSecret(code, value);
      setForgotten(false);
      return setLoaded({ kind: "ok", view: res.data });
    }
    if (res.kind === "unauthorized") return setLoaded({ kind: "wrong" });
    if (res.kind === "rate_limited") return setLoaded({ kind: "limited", seconds: res.retryAfter });
    setLoaded({ kind: "failed" });
  };

  // A secret this phone kept for the code opens the view at once.
  useEffect(() => {
    const kept = secretFor(code);
    setSecret(kept ?? "");
    if (kept) void open(kept);
    else setLoaded({ kind: "idle" });
  }, [code]);

  const send = async (e: Event) => {
    e.preventDefault();
    const text = reply.trim();
    if (!text) return setReplyState("empty");
    if ([...text].length > MAX_REPLY) return setReplyState("long");
    setReplyState("sending");
    const res = await call<ReporterView>("POST", `${base(code)}/messages`, {
      body: { text },
      headers: { [SECRET_HEADER]: secret },
    });
    if (res.kind !== "ok") return setReplyState("failed");
    setReply("");
    setReplyState("sent");
    setLoaded({ kind: "ok", view: res.data });
  };

  const addPhoto = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file || loaded.kind !== "ok") return;
    setPhotoState("sending");
    try {
      const photo = await preparePhoto(file);
      const res = await call<{ forms: UploadForm[]; remaining: number }>("POST", `${base(code)}/evidence`, {
        body: { photos: [{ contentType: photo.type }] },
        headers: { [SECRET_HEADER]: secret },
      });
      const form = res.kind === "ok" ? res.data.forms[0] : undefined;
      if (!form || (await sendPhoto(form, photo.blob, () => {})) !== "sent") return setPhotoState("failed");
      setPhotoState("sent");
      const remaining = res.kind === "ok" ? res.data.remaining : 0;
      setLoaded({ kind: "ok", view: { ...loaded.view, photosRemaining: remaining } });
    } catch {
      setPhotoState("failed");
    }
  };

  const forget = () => {
    forgetSecret(code);
    setSecret("");
    setLoaded({ kind: "idle" });
    setForgotten(true);
  };

  const status =
    loaded.kind === "wrong"
      ? r.wrong
      : loaded.kind === "limited"
        ? r.limited(loaded.seconds)
        : loaded.kind === "failed"
          ? r.failed
          : "";
  return (
    <section class="reporter-panel" aria-labelledby="reporter-title">
      <h3 id="reporter-title">{r.title}</h3>
      {loaded.kind !== "ok" && (
        <form
          class="track-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void open();
          }}
        >
          <p>{r.intro}</p>
          <label class="field-label" for="reporter-secret">
            {r.secretLabel}
          </label>
          <p class="hint" id="reporter-secret-hint">
            {r.secretHint}
          </p>
          <div class="inline-form">
            <input
              id="reporter-secret"
              type="text"
              autocomplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              value={secret}
              aria-describedby="reporter-secret-hint"
              onInput={(e) => setSecret(e.currentTarget.value)}
            />
            <button type="submit" class="button button-primary" disabled={loaded.kind === "loading"}>
              {r.open}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {loaded.kind === "loading" && <p class="progress">{r.loading}</p>}
        {status && (
          <p class="alert" role="alert">
            {status}
          </p>
        )}
        {forgotten && <p class="hint">{r.forgotten}</p>}
      </div>
      {loaded.kind === "ok" && (
        <>
          <SayForm
            path={`${base(code)}/say`}
            secretHeaders={{ [SECRET_HEADER]: secret }}
            view={loaded.view}
            r={r}
            onAnswered={(view) => {
              setLoaded({ kind: "ok", view });
              onReport?.(view);
            }}
          />
          <h4>{r.description}</h4>
          <p class="description" data-testid="description">
            {loaded.view.description}
          </p>
          <h4>{r.threadTitle}</h4>
          {loaded.view.thread.length === 0 ? (
            <p class="hint">{r.empty}</p>
          ) : (
            <ThreadList
              messages={loaded.view.thread}
              who={(m) => (m.from === "officer" ? r.officer : r.you)}
              lang={lang}
              keyOf={(m, i) => `${i}-${m.at}`}
            />
          )}
          <form noValidate onSubmit={send}>
            <label class="field-label" for="reporter-reply">
              {r.replyLabel}
            </label>
            <p class="hint" id="reporter-reply-hint">
              {r.replyHint}
            </p>
            <textarea
              id="reporter-reply"
              value={reply}
              maxLength={MAX_REPLY * 2}
              aria-describedby="reporter-reply-hint"
              onInput={(e) => setReply(e.currentTarget.value)}
            />
            <button type="submit" class="button button-primary" disabled={replyState === "sending"}>
              {replyState === "sending" ? r.sending : r.send}
            </button>
            <p role="status" class="hint">
              {replyState === "sent"
                ? r.sent
                : replyState === "empty"
                  ? r.emptyReply
                  : replyState === "long"
                    ? r.tooLong
                    : replyState === "failed"
                      ? r.failed
                      : ""}
            </p>
          </form>
          <h4>{r.photosTitle}</h4>
          <p class="hint">{r.photosLeft(loaded.view.photosRemaining)}</p>
          {loaded.view.photosRemaining > 0 && (
            <p>
              <label class="button button-secondary" for="reporter-photo">
                {r.photoLabel}
              </label>
              <input
                id="reporter-photo"
                class="visually-hidden"
                type="file"
                accept="image/*"
                onChange={addPhoto}
              />
            </p>
          )}
          <p role="status" class="hint">
            {photoState === "sending"
              ? r.photoSending
              : photoState === "sent"
                ? r.photoSent
                : photoState === "failed"
                  ? r.photoFailed
                  : ""}
          </p>
          <EraseContact
            path={`${base(code)}/erase-contact`}
            secretHeaders={{ [SECRET_HEADER]: secret }}
            view={loaded.view}
            r={r}
            onErased={(view) => setLoaded({ kind: "ok", view })}
          />
          <button type="button" class="button-link" onClick={forget}>
            {r.forget}
          </button>
        </>
      )}
    </section>
  );
}
