import { useEffect, useState } from "preact/hooks";
import { type ApiResult, call } from "../../lib/api";
import { officerAuth } from "../lib/session";
import type { PushDevice, PushDeviceAdded, PushDevices, PushKey } from "../lib/types";

export type Loaded<T> = { kind: "loading" } | { kind: "ok"; data: T } | { kind: "failed" };

const DEVICES = "/api/officer/push/devices";

/** The stage's VAPID key and the signed-in officer's devices, with adding and removing one. */
export function usePush() {
  const [key, setKey] = useState<Loaded<string>>({ kind: "loading" });
  const [devices, setDevices] = useState<Loaded<PushDevice[]>>({ kind: "loading" });
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    call<PushKey>("GET", "/api/officer/push/key", { auth: officerAuth, signal: controller.signal }).then(
      (res) => {
        if (!controller.signal.aborted)
          setKey(res.kind === "ok" ? { kind: "ok", data: res.data.publicKey } : { kind: "failed" });
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    call<PushDevices>("GET", DEVICES, { auth: officerAuth, signal: controller.signal }).then((res) => {
      if (!controller.signal.aborted)
        setDevices(res.kind === "ok" ? { kind: "ok", data: res.data.devices } : { kind: "failed" });
    });
    return () => controller.abort();
  }, [loads]);

  const reload = () => setLoads((n) => n + 1);
  return {
    key,
    devices,
    /** Registers this browser's subscription; the list is read again whatever the answer. */
    async add(subscription: PushSubscriptionJSON, label: string): Promise<ApiResult<PushDeviceAdded>> {
      const res = await call<PushDeviceAdded>("POST", DEVICES, {
        auth: officerAuth,
        body: { subscription, label },
      });
      reload();
      return res;
    },
    async remove(device: PushDevice): Promise<boolean> {
      const res = await call("DELETE", `${DEVICES}/${encodeURIComponent(device.deviceId)}`, {
        auth: officerAuth,
      });
      // Already gone (another tab, or the push service said so) is what the officer wanted.
      const ok = res.kind === "ok" || res.kind === "not_found";
      if (ok)
        setDevices((now) =>
          now.kind === "ok"
            ? { kind: "ok", data: now.data.filter((d) => d.deviceId !== device.deviceId) }
            : now,
        );
      return ok;
    },
  };
}
