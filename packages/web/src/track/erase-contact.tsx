import type { AnswerOf } from "@lapora/core/contract";
import { useState } from "preact/hooks";
import { useLang } from "../i18n/lang";
import type { ReporterTexts } from "../i18n/types";
import { call } from "../lib/api";
import { formatWib } from "../lib/time";

type ReporterView = AnswerOf<"reporterView", 200>;

/**
 * "Data kontak Anda": whether Lapora still holds her name, phone, contact wishes and exact location, when
 * they go by themselves, and a button that erases them now (core reporter/retention.ts), after a confirm.
 */
export function EraseContact({
  path,
  secretHeaders,
  view,
  r,
  onErased,
}: {
  path: string;
  secretHeaders: Record<string, string>;
  view: ReporterView;
  r: ReporterTexts;
  onErased(view: ReporterView): void;
}) {
  const { lang } = useLang();
  const [state, setState] = useState<"" | "sending" | "failed">("");
  const erase = async () => {
    if (!window.confirm(r.eraseConfirm)) return;
    setState("sending");
    const res = await call<ReporterView>("POST", path, { headers: secretHeaders });
    if (res.kind !== "ok") return setState("failed");
    setState("");
    onErased(res.data);
  };
  const { held, erasedAt } = view.contact;
  return (
    <section aria-labelledby="erase-title">
      <h4 id="erase-title">{r.contactTitle}</h4>
      {held ? (
        <>
          <p>{r.contactHeld(__LAPORA_RETENTION_DAYS__)}</p>
          <button
            type="button"
            class="button button-secondary"
            onClick={erase}
            disabled={state === "sending"}
          >
            {r.erase}
          </button>
        </>
      ) : (
        <p data-testid="contact-erased">
          {erasedAt ? r.contactErased(formatWib(erasedAt, lang)) : r.contactNone}
        </p>
      )}
      <p role="status" class="hint">
        {state === "sending" ? r.sending : state === "failed" ? r.failed : ""}
      </p>
    </section>
  );
}
