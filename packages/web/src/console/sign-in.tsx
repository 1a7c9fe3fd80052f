import { NRP_PATTERN } from "@lapora/core/browser";
import { useEffect, useRef, useState } from "preact/hooks";
import { useT } from "../i18n/console-lang";
import { call } from "../lib/api";
import { officerAuth, signedOutReason, startSession } from "./lib/session";
import { type TotpChallenge, TotpStep } from "./sign-in-totp";

type LoginAnswer =
  | { idToken: string; expiresIn: number }
  | { challenge: "new_password_required" | "totp"; session: string }
  | { challenge: "totp_setup"; session: string; secret: string; otpauthUri: string };

// Cognito's policy for officers (stacks/Auth.ts): checked here only to say what is wrong sooner.
const STRONG = (p: string) =>
  p.length >= 12 && /[a-z]/.test(p) && /[A-Z]/.test(p) && /\d/.test(p) && /[^A-Za-z0-9]/.test(p);

interface Errors {
  nrp?: string;
  password?: string;
  confirm?: string;
  form?: string;
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p class="field-error" id={id}>
      {text}
    </p>
  ) : null;
}

/** A password box that can show what was typed; one element either way, so focus and caret stay. */
function PasswordInput(props: {
  id: string;
  show: boolean;
  autocomplete: string;
  value: string;
  error: boolean;
  describedBy: string | undefined;
  onInput(value: string): void;
}) {
  const common = {
    id: props.id,
    autocomplete: props.autocomplete,
    value: props.value,
    "aria-invalid": props.error,
    "aria-describedby": props.describedBy,
    onInput: (e: { currentTarget: HTMLInputElement }) => props.onInput(e.currentTarget.value),
  };
  return props.show ? <input type="text" {...common} /> : <input type="password" {...common} />;
}

/**
 * NRP and password, then (first sign-in in AWS only) a new password, then the authenticator app's code
 * (sign-in-totp.tsx), after enrolling the app on a first sign-in. The token goes to sessionStorage.
 */
export function SignInPage() {
  const { t } = useT();
  const s = t.signIn;
  const [nrp, setNrp] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [show, setShow] = useState(false);
  const [challenge, setChallenge] = useState<string>();
  const [totp, setTotp] = useState<TotpChallenge>();
  /** Bumped when the code step sends the officer back: the password box then takes the focus. */
  const [restarted, setRestarted] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const reason = signedOutReason();

  useEffect(() => {
    document.title = `${s.title} · ${t.appName}`;
  }, [s.title, t.appName]);
  useEffect(() => {
    if (challenge) heading.current?.focus();
  }, [challenge]);
  useEffect(() => {
    if (restarted) document.getElementById("signin-password")?.focus();
  }, [restarted]);

  const validate = (): Errors => {
    const e: Errors = {};
    if (!NRP_PATTERN.test(nrp.trim())) e.nrp = s.nrpInvalid;
    if (!password) e.password = s.passwordRequired;
    else if (challenge && !STRONG(password)) e.password = s.newPasswordWeak;
    if (challenge && confirm !== password) e.confirm = s.mismatch;
    return e;
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      const first = found.nrp ? "signin-nrp" : found.password ? "signin-password" : "signin-confirm";
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    const res = challenge
      ? await call<LoginAnswer>("POST", "/api/auth/new-password", {
          body: { nrp: nrp.trim(), session: challenge, newPassword: password },
          auth: officerAuth,
        })
      : await call<LoginAnswer>("POST", "/api/auth/login", {
          body: { nrp: nrp.trim(), password },
          auth: officerAuth,
        });
    setBusy(false);
    if (res.kind === "ok") {
      const answer = res.data;
      if ("idToken" in answer) return startSession(answer.idToken, answer.expiresIn);
      setPassword("");
      setConfirm("");
      setErrors({});
      if (answer.challenge === "new_password_required") return setChallenge(answer.session);
      setChallenge(undefined);
      return setTotp(
        answer.challenge === "totp_setup"
          ? { session: answer.session, secret: answer.secret, otpauthUri: answer.otpauthUri }
          : { session: answer.session },
      );
    }
    const form =
      res.kind === "invalid" ? s.invalid : res.kind === "rate_limited" ? s.locked(res.retryAfter) : t.failed;
    setErrors({ form });
  };

  const describe = (hint: string | undefined, error: string | undefined, id: string) =>
    [hint, error ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined;
  if (totp) {
    const restart = (expired: boolean) => {
      setTotp(undefined);
      setErrors(expired ? { form: s.sessionExpired } : {});
      setRestarted((n) => n + 1);
    };
    return <TotpStep nrp={nrp.trim()} challenge={totp} onRestart={restart} />;
  }
  return (
    <section class="signin" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1} ref={heading}>
        {challenge ? s.newPasswordTitle : s.title}
      </h1>
      {!challenge && reason === "expired" && <p class="notice">{s.expired}</p>}
      {!challenge && reason === "signed_out" && <p class="notice">{s.signedOut}</p>}
      <p>{challenge ? s.newPasswordIntro : s.intro}</p>
      <form noValidate onSubmit={onSubmit}>
        <div role="alert">{errors.form && <p class="alert">{errors.form}</p>}</div>
        <div class="field">
          <label class="field-label" for="signin-nrp">
            {s.nrp}
          </label>
          <p class="hint" id="signin-nrp-hint">
            {s.nrpHint}
          </p>
          <FieldError id="signin-nrp-error" text={errors.nrp} />
          <input
            id="signin-nrp"
            type="text"
            inputMode="numeric"
            autocomplete="username"
            readOnly={!!challenge}
            value={nrp}
            aria-invalid={!!errors.nrp}
            aria-describedby={describe("signin-nrp-hint", errors.nrp, "signin-nrp")}
            onInput={(e) => setNrp(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field-label" for="signin-password">
            {challenge ? s.newPassword : s.password}
          </label>
          {challenge && (
            <p class="hint" id="signin-password-hint">
              {s.newPasswordHint}
            </p>
          )}
          <FieldError id="signin-password-error" text={errors.password} />
          <PasswordInput
            id="signin-password"
            show={show}
            autocomplete={challenge ? "new-password" : "current-password"}
            value={password}
            error={!!errors.password}
            describedBy={describe(
              challenge ? "signin-password-hint" : undefined,
              errors.password,
              "signin-password",
            )}
            onInput={setPassword}
          />
        </div>
        {challenge && (
          <div class="field">
            <label class="field-label" for="signin-confirm">
              {s.confirmPassword}
            </label>
            <FieldError id="signin-confirm-error" text={errors.confirm} />
            <PasswordInput
              id="signin-confirm"
              show={show}
              autocomplete="new-password"
              value={confirm}
              error={!!errors.confirm}
              describedBy={errors.confirm ? "signin-confirm-error" : undefined}
              onInput={setConfirm}
            />
          </div>
        )}
        <label class="check">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.currentTarget.checked)} />
          {s.showPassword}
        </label>
        <button type="submit" class="button button-block" aria-disabled={busy}>
          {busy ? s.sending : challenge ? s.savePassword : s.submit}
        </button>
        <p class="hint">{s.sessionNote}</p>
      </form>
    </section>
  );
}
