import { useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import type { ApiResult } from "../../lib/api";
import type { PushDeviceAdded } from "../lib/types";
import { SubscribeError, subscribeThisBrowser } from "./subscribe";
import type { Loaded } from "./use-push";
import { pushSupported } from "./worker";

type Outcome = { kind: "ok" | "error"; text: string } | undefined;

const permissionNow = (): NotificationPermission =>
  typeof Notification === "undefined" ? "default" : Notification.permission;

/**
 * This browser: whether it can get pushes, its permission, and the button that turns them on
 * (permission, worker, subscription, then the API), with a name for the device. Hidden when the
 * browser cannot, or the stage has no push key.
 */
export function ThisDevice({
  publicKey,
  add,
}: {
  publicKey: Loaded<string>;
  add(subscription: PushSubscriptionJSON, label: string): Promise<ApiResult<PushDeviceAdded>>;
}) {
  const { t } = useT();
  const p = t.push;
  const supported = pushSupported();
  const [permission, setPermission] = useState(permissionNow);
  const [label, setLabel] = useState(p.defaultLabel);
  const [labelError, setLabelError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const enable = async (key: string) => {
    if (busy) return;
    const name = label.trim();
    if (name.length < 1 || name.length > 40) return setLabelError(true);
    setLabelError(false);
    setBusy(true);
    setOutcome(undefined);
    try {
      const subscription = await subscribeThisBrowser(key);
      const res = await add(subscription, name);
      if (res.kind === "ok")
        setOutcome({ kind: "ok", text: res.data.created ? p.enabled(name) : p.refreshed(name) });
      else if (res.kind === "invalid") setOutcome({ kind: "error", text: p.rejected(res.message) });
      else setOutcome({ kind: "error", text: t.failed });
    } catch (error) {
      const reason = error instanceof SubscribeError ? error.reason : "refused";
      setOutcome({ kind: "error", text: p.failures[reason] });
    } finally {
      setPermission(permissionNow());
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="this-device-title">
      <h2 id="this-device-title">{p.thisDevice}</h2>
      <p data-testid="push-support">{supported ? p.supported : p.unsupported}</p>
      {supported && (
        <p data-testid="push-permission">
          {p.permission}: <strong>{p.permissions[permission]}</strong>
        </p>
      )}
      {supported && permission === "denied" && <p class="notice">{p.deniedHint}</p>}
      {supported && publicKey.kind === "loading" && <p class="progress">{t.loading}</p>}
      {supported && publicKey.kind === "failed" && <p class="alert">{t.failed}</p>}
      {supported && publicKey.kind === "ok" && !publicKey.data && (
        <p class="notice" data-testid="push-not-configured">
          {p.notConfigured}
        </p>
      )}
      {supported && publicKey.kind === "ok" && publicKey.data && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void enable(publicKey.data);
          }}
        >
          <div class="field">
            <label class="field-label" for="device-label">
              {p.label}
            </label>
            <p class="hint" id="device-label-hint">
              {p.labelHint}
            </p>
            {labelError && (
              <p class="field-error" id="device-label-error">
                <span aria-hidden="true">⚠ </span>
                {p.labelInvalid}
              </p>
            )}
            <input
              id="device-label"
              type="text"
              value={label}
              maxLength={40}
              autoComplete="off"
              aria-describedby={labelError ? "device-label-hint device-label-error" : "device-label-hint"}
              aria-invalid={labelError}
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button" aria-disabled={busy}>
            {busy ? p.enabling : p.enable}
          </button>
        </form>
      )}
      <div role="status" data-testid="push-outcome">
        {outcome && <p class={outcome.kind === "error" ? "alert" : "done"}>{outcome.text}</p>}
      </div>
    </section>
  );
}
