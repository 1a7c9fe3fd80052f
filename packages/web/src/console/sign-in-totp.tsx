import { TOTP_CODE_PATTERN } from "@lapora/core/browser";
import { useEffect, useRef, useState } from "preact/hooks";
import { useT } from "../i18n/console-lang";
import { call } from "../lib/api";
import { officerAuth, startSession } from "./lib/session";
import { QrCode } from "./qr-code";

/** The second step of a sign-in: the code of the authenticator app, after enrolling it when `secret` is set. */
export interface TotpChallenge {
  session: string;
  /** `totp_setup`: a new officer adds this key (base32) to an authenticator app first. */
  secret?: string;
  otpauthUri?: string;
}

/** The key in groups of four, as it is typed into an authenticator app by hand. */
export const groupKey = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * Asks for the 6-digit code (`POST /api/auth/totp`). For a new officer it first shows the QR code and the
 * key to add to an authenticator app; the first code then enrols it. A sign-in that ran out goes back to
 * the password with `onRestart`.
 */
export function TotpStep(props: {
  nrp: string;
  challenge: TotpChallenge;
  onRestart(expired: boolean): void;
}) {
  const { t } = useT();
  const s = t.signIn;
  const { nrp, challenge } = props;
  const setup = challenge.secret !== undefined;
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    // Apps show the code as "123 456": the space is not part of it.
    const typed = code.replace(/\s/g, "");
    setFormError(undefined);
    if (!TOTP_CODE_PATTERN.test(typed)) {
      setError(s.codeInvalid);
      field.current?.focus();
      return;
    }
    setBusy(true);
    const res = await call<{ idToken: string; expiresIn: number }>("POST", "/api/auth/totp", {
      body: { nrp, session: challenge.session, code: typed },
      auth: officerAuth,
    });
    setBusy(false);
    if (res.kind === "ok" && "idToken" in res.data) return startSession(res.data.idToken, res.data.expiresIn);
    if (res.kind === "invalid" && res.details.some((d) => d.field === "session"))
      return props.onRestart(true);
    setError(undefined);
    if (res.kind === "invalid") {
      setError(s.codeWrong);
      setCode("");
      field.current?.focus();
    } else setFormError(res.kind === "rate_limited" ? s.locked(res.retryAfter) : t.failed);
  };

  const describedBy = ["signin-code-hint", error ? "signin-code-error" : undefined].filter(Boolean).join(" ");
  return (
    <section class="signin" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1} ref={heading}>
        {setup ? s.setupTitle : s.totpTitle}
      </h1>
      {setup && challenge.secret ? (
        <>
          <p>{s.setupIntro}</p>
          <ol class="totp-steps">
            {s.setupSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {challenge.otpauthUri && (
            <>
              <QrCode text={challenge.otpauthUri} label={s.qrLabel} />
              {/* On the phone that holds the app, a QR code cannot be scanned: the app opens the link. */}
              <p>
                <a href={challenge.otpauthUri}>{s.openInApp}</a>
              </p>
            </>
          )}
          <p>{s.manualKey}</p>
          <p>
            <code class="totp-key" data-testid="totp-key">
              {groupKey(challenge.secret)}
            </code>
          </p>
        </>
      ) : (
        <p>{s.totpIntro}</p>
      )}
      <form noValidate onSubmit={onSubmit}>
        <div role="alert">{formError && <p class="alert">{formError}</p>}</div>
        <div class="field">
          <label class="field-label" for="signin-code">
            {s.code}
          </label>
          <p class="hint" id="signin-code-hint">
            {s.codeHint}
          </p>
          {error && (
            <p class="field-error" id="signin-code-error">
              {error}
            </p>
          )}
          <input
            id="signin-code"
            ref={field}
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            class="totp-code"
            value={code}
            aria-invalid={!!error}
            aria-describedby={describedBy}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button-block" aria-disabled={busy}>
          {busy ? s.sending : s.verify}
        </button>
        <button type="button" class="button-link" onClick={() => props.onRestart(false)}>
          {s.restart}
        </button>
      </form>
    </section>
  );
}
