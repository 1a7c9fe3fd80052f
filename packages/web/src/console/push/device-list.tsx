import { useT } from "../../i18n/console-lang";
import { formatWib } from "../../lib/time";
import type { PushDevice } from "../lib/types";

/**
 * Push devices, each with its push service, when it was registered and last delivered to, in WIB, and
 * "Gagal sejak …" when the service has been refusing. `onRemove` adds a "Hapus" button to each (the
 * officer's own list); an admin's view of someone else's devices has none.
 */
export function DeviceList({
  devices,
  busy,
  onRemove,
}: {
  devices: readonly PushDevice[];
  busy?: string | undefined;
  onRemove?: ((device: PushDevice) => void) | undefined;
}) {
  const { t, lang } = useT();
  const p = t.push;
  const at = (iso: string) => formatWib(iso, lang, "short");
  return (
    <ul class="devices" data-testid="push-devices">
      {devices.map((d) => (
        <li
          key={d.deviceId}
          class={d.failingSince ? "device device-failing" : "device"}
          data-testid="push-device"
          data-device-id={d.deviceId}
        >
          <p class="device-label">
            <strong>{d.label}</strong>
          </p>
          <p class="hint">{p.service(d.service)}</p>
          <p class="hint">
            <time dateTime={d.createdAt}>{p.createdAt(at(d.createdAt))}</time>
          </p>
          <p>{d.lastOkAt ? <time dateTime={d.lastOkAt}>{p.lastOk(at(d.lastOkAt))}</time> : p.neverSent}</p>
          {d.failingSince && (
            <p class="device-failing-since" data-testid="device-failing">
              <time dateTime={d.failingSince}>{p.failingSince(at(d.failingSince))}</time>
            </p>
          )}
          {onRemove && (
            <button
              type="button"
              class="button button-secondary button-small"
              aria-label={p.removeLabel(d.label)}
              aria-disabled={busy !== undefined}
              onClick={() => {
                if (busy === undefined) onRemove(d);
              }}
            >
              {p.remove}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
