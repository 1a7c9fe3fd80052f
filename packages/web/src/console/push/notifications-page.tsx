import { useEffect, useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import type { PushDevice } from "../lib/types";
import { DeviceList } from "./device-list";
import { ThisDevice } from "./this-device";
import { usePush } from "./use-push";

/** Which alerts also come by SMS (core's SMS_POLICY), in the officer's words. */
function HowAlertsArrive() {
  const { t } = useT();
  const p = t.push;
  return (
    <section class="panel" aria-labelledby="how-title">
      <h2 id="how-title">{p.howTitle}</h2>
      <ul data-testid="push-how">
        <li>
          <strong>{t.priorities.darurat}</strong>: {p.how.darurat}
        </li>
        <li>
          <strong>{t.priorities.tinggi}</strong>: {p.how.tinggi}
        </li>
        <li>{p.how.low(t.priorities.sedang, t.priorities.rendah)}</li>
      </ul>
      <p>{p.howNone}</p>
      <p class="hint">{p.howAck}</p>
    </section>
  );
}

/**
 * `/konsol/notifikasi`, for every officer: turn Web Push on in this browser, and see and remove the
 * devices that get this officer's alerts.
 */
export function NotificationsPage() {
  const { t } = useT();
  const p = t.push;
  const push = usePush();
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState("");

  useEffect(() => {
    document.title = `${p.title} · ${t.appName}`;
  }, [t]);

  const remove = async (device: PushDevice) => {
    setBusy(device.deviceId);
    setMessage("");
    const ok = await push.remove(device);
    setBusy(undefined);
    setMessage(ok ? p.removed(device.label) : p.removeFailed);
  };

  const { devices } = push;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {p.title}
      </h1>
      <p>{p.lead}</p>
      <ThisDevice publicKey={push.key} add={push.add} />
      <section class="panel" aria-labelledby="devices-title">
        <h2 id="devices-title">{p.devices}</h2>
        <p role="status" data-testid="devices-status">
          {message}
        </p>
        {devices.kind === "loading" && <p class="progress">{t.loading}</p>}
        {devices.kind === "failed" && <p class="alert">{p.devicesFailed}</p>}
        {devices.kind === "ok" && devices.data.length === 0 && <p>{p.devicesEmpty}</p>}
        {devices.kind === "ok" && devices.data.length > 0 && (
          <DeviceList devices={devices.data} busy={busy} onRemove={(d) => void remove(d)} />
        )}
      </section>
      <HowAlertsArrive />
    </section>
  );
}
