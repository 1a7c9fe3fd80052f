import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Alert } from "@lapora/core";
import { DEMO_OFFICERS } from "@lapora/core/demo-officers";
import { generateVapidKeys, type VapidKeys } from "@lapora/core/webpush";
import type { LocalPushService } from "./push-service";

/** The VAPID contact of the local runtime. */
const LOCAL_SUBJECT = "mailto:it@lapora.local";
const DEMO_LABEL = "Perangkat demo";

/**
 * The local stage's VAPID keys: kept in `file` (the data folder) so browsers' subscriptions survive a
 * restart, or new for a runtime without one (tests).
 */
export function localVapidKeys(file?: string): VapidKeys {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as VapidKeys;
  const keys = { ...generateVapidKeys(), subject: LOCAL_SUBJECT };
  if (file) writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/** The push services the local API accepts: the browsers' own, and the local stand-in. */
export const localPushOrigins = (service: Pick<LocalPushService, "url">) => [
  ...Alert.PUSH_SERVICE_ORIGINS,
  service.url,
];

/**
 * `npm start`'s demo devices: one on the local push service for each demo officer, so a newcomer sees
 * push beside SMS at once. The service starts empty each time, so the demo devices of an earlier run
 * (at its old address) are replaced.
 */
export async function registerDemoDevices(devices: Alert.PushDeviceStore, service: LocalPushService) {
  const at = new Date().toISOString();
  for (const { nrp } of DEMO_OFFICERS) {
    for (const old of await devices.list(nrp))
      if (old.label === DEMO_LABEL) await devices.remove(nrp, old.deviceId);
    const subscription = service.register(`${nrp} ${DEMO_LABEL}`);
    await devices.put({
      nrp,
      deviceId: Alert.deviceIdOf(subscription.endpoint),
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
      label: DEMO_LABEL,
      createdAt: at,
    });
  }
  return DEMO_OFFICERS.length;
}
