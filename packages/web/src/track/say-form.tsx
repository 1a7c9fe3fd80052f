import type { AnswerOf } from "@lapora/core/contract";
import { useState } from "preact/hooks";
import type { ReporterTexts } from "../i18n/types";
import { call } from "../lib/api";

type ReporterView = AnswerOf<"reporterView", 200>;

/**
 * "Apakah masalah Anda sudah tertangani?": the reporter's say once their report is resolved, yes or not
 * yet, 1 to 5 stars and a comment. Not yet (within 14 days) reopens the report to its officer.
 */
export function SayForm({
  path,
  secretHeaders,
  view,
  r,
  onAnswered,
}: {
  path: string;
  secretHeaders: Record<string, string>;
  view: ReporterView;
  r: ReporterTexts;
  onAnswered(view: ReporterView): void;
}) {
  const [satisfied, setSatisfied] = useState<boolean | undefined>();
  const [rating, setRating] = useState<number | undefined>();
  const [comment, setComment] = useState("");
  const [state, setState] = useState<"" | "sending" | "missing" | "failed" | "reopened">("");
  const given = view.say.given;

  const send = async (e: Event) => {
    e.preventDefault();
    if (satisfied === undefined || rating === undefined) return setState("missing");
    setState("sending");
    const res = await call<ReporterView>("POST", path, {
      body: { satisfied, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      headers: secretHeaders,
    });
    if (res.kind !== "ok") return setState("failed");
    setState(res.data.status === "ditangani" && !satisfied ? "reopened" : "");
    onAnswered(res.data);
  };

  if (!view.say.asked)
    return given ? (
      <p class="hint" data-testid="say-given">
        {r.sayThanks(given.satisfied, given.rating)} {state === "reopened" ? r.reopened : ""}
      </p>
    ) : null;
  return (
    <form noValidate onSubmit={send} class="say-form" data-testid="say-form">
      <fieldset>
        <legend class="field-label">{r.sayTitle}</legend>
        <label>
          <input type="radio" name="say" checked={satisfied === true} onChange={() => setSatisfied(true)} />{" "}
          {r.sayYes}
        </label>
        <label>
          <input type="radio" name="say" checked={satisfied === false} onChange={() => setSatisfied(false)} />{" "}
          {r.sayNo}
        </label>
        <p class="hint">{r.sayNoHint}</p>
      </fieldset>
      <fieldset>
        <legend class="field-label">{r.rating}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input type="radio" name="rating" checked={rating === n} onChange={() => setRating(n)} />{" "}
            {r.stars(n)}
          </label>
        ))}
      </fieldset>
      <label class="field-label" for="say-comment">
        {r.comment}
      </label>
      <textarea
        id="say-comment"
        maxLength={500}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <button type="submit" class="button button-primary" disabled={state === "sending"}>
        {r.saySend}
      </button>
      <p role="status" class="hint">
        {state === "missing" ? r.sayMissing : state === "failed" ? r.failed : ""}
      </p>
    </form>
  );
}
