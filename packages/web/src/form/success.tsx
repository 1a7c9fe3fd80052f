import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLang } from "../i18n/lang";
import { forgetSecret, rememberSecret } from "../lib/reporter-secrets";
import { linkClick, trackPath } from "../lib/router";
import { wipeAll } from "../lib/storage";
import { EmergencyNotice } from "./happening-field";
import type { Done } from "./use-report-form";
import "../styles/receipt.css";

/** The receipt: the tracking code large, a copy button, why to keep it, and the way to track it. */
export function Success({
  done,
  onAnother,
  children,
}: {
  done: Done;
  onAnother(): void;
  /** Shown under the receipt: the photos' uploads. */
  children?: ComponentChildren;
}) {
  const { t } = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<"" | "copied" | "failed">("");
  const code = done.receipt.trackingCode;
  const secret = done.receipt.reporterSecret;
  // A sensitive report's secret stays on the phone only if she says so; any other report's always.
  const [keep, setKeep] = useState(!done.sensitive);
  const [cleared, setCleared] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  // The secret lives next to the code on this phone, so the tracking page can open the reporter's view.
  useEffect(() => {
    if (!secret) return;
    if (keep) rememberSecret(code, secret);
    else forgetSecret(code);
  }, [code, secret, keep]);
  const clearTrace = () => {
    setKeep(false);
    wipeAll();
    setCleared(true);
  };

  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopy("copied");
    } catch {
      setCopy("failed"); // no clipboard without HTTPS, or refused: the code stays on screen to write down
    }
  };

  return (
    <section class="success" aria-labelledby="success-title">
      <h1 id="success-title" tabIndex={-1} ref={heading}>
        <span aria-hidden="true">✅ </span>
        {t.success.title}
      </h1>
      <p>{t.success.lead}</p>
      {done.earlier && <p class="alert">{t.success.earlier}</p>}
      {done.receipt.notice === "review" && (
        <p class="alert" data-testid="review-notice">
          {t.success.review}
        </p>
      )}
      <div class="receipt">
        <p class="receipt-label" id="code-label">
          {t.success.codeLabel}
        </p>
        <p class="tracking-code" data-testid="tracking-code">
          {code}
        </p>
        <button type="button" class="button button-secondary" onClick={copyCode}>
          <span aria-hidden="true">📋 </span>
          {t.success.copy}
        </button>
        <p role="status" class="hint">
          {copy === "copied" ? t.success.copied : copy === "failed" ? t.success.copyFailed : ""}
        </p>
      </div>
      {secret && (
        <div class="receipt receipt-secret">
          <p class="receipt-label" id="secret-label">
            {t.success.secretLabel}
          </p>
          <p class="reporter-secret" data-testid="reporter-secret">
            {secret}
          </p>
          <p class="hint">
            {t.success.secretSave} {done.sensitive ? "" : t.success.secretKept}
          </p>
          {done.sensitive && (
            <label>
              <input
                type="checkbox"
                checked={keep}
                onChange={(e) => {
                  setKeep(e.currentTarget.checked);
                  setCleared(false);
                }}
              />{" "}
              {t.success.keepSecret}
            </label>
          )}
        </div>
      )}
      {done.sensitive && (
        <div class="trace">
          <p class="alert">{t.success.sensitiveSave}</p>
          <button
            type="button"
            class="button button-secondary"
            onClick={clearTrace}
            data-testid="clear-trace"
          >
            {t.success.clearTrace}
          </button>
          <p role="status" class="hint">
            {cleared ? t.success.cleared : ""}
          </p>
        </div>
      )}
      {children}
      <p class="save-hint">
        <span aria-hidden="true">💡 </span>
        {t.success.save}
      </p>
      {(done.happeningNow || done.receipt.priority === "darurat" || done.receipt.notice === "review") && (
        <EmergencyNotice />
      )}
      <div class="actions">
        <a class="button" href={trackPath(code)} onClick={linkClick}>
          {t.success.track}
        </a>
        <button type="button" class="button button-secondary" onClick={onAnother}>
          {t.success.another}
        </button>
      </div>
    </section>
  );
}
