import { createHash } from "node:crypto";
import { canManageRoster, ensure } from "../access/policy";
import { NotFoundError, ValidationError } from "../errors";
import type { Officer } from "../officer/types";
import { type PushDevice, PushDeviceInput, type PushDeviceStore, toDeviceView } from "./push";

/**
 * The push services a stage sends to, as origins: the browsers' own (Chrome's FCM, Firefox's, Apple's,
 * Edge's WNS) by default; the local runtime adds its stand-in. A `*.` host stands for its subdomains.
 */
export const PUSH_SERVICE_ORIGINS: readonly string[] = [
  "https://fcm.googleapis.com",
  "https://updates.push.services.mozilla.com",
  "https://web.push.apple.com",
  "https://*.notify.windows.com",
];

/** True when the endpoint's origin is one of `allowed` (exactly, or under a `*.` host). */
export function allowedEndpoint(endpoint: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  return allowed.some((origin) => {
    const [scheme, host] = origin.split("://");
    if (`${scheme}:` !== url.protocol || !host) return false;
    if (host.startsWith("*.")) return url.host.endsWith(host.slice(1)) && url.host.length > host.length - 1;
    return url.host === host;
  });
}

/** The same subscription always gives the same device id (so enabling twice keeps one device). */
export const deviceIdOf = (endpoint: string) =>
  createHash("sha256").update(endpoint).digest("base64url").slice(0, 22);

/** The stage's push settings the API needs. */
export interface PushSettings {
  /** PUSH_SERVICE_ORIGINS, or the stage's own list. */
  allowedOrigins: readonly string[];
  /** The VAPID public key browsers subscribe with (base64url); the private one never reaches the API. */
  vapidPublicKey: string;
}

export interface PushDeviceDeps {
  pushDevices: PushDeviceStore;
  push: PushSettings;
  now?: () => Date;
}

/** Devices an officer may keep at once: a phone or two and a desk browser, with room to spare. */
export const MAX_DEVICES = 5;

/** Registers (or refreshes) one of the signed-in officer's devices. */
export async function registerPushDevice(deps: PushDeviceDeps, officer: Officer, body: unknown) {
  const parsed = PushDeviceInput.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: i.path.join(".") || "body",
      code: "push.invalid",
      message: i.message,
    }));
    throw new ValidationError("The push subscription is not valid.", details);
  }
  const { subscription, label } = parsed.data;
  if (!allowedEndpoint(subscription.endpoint, deps.push.allowedOrigins)) {
    const message = "The push service of this browser is not one Lapora sends to.";
    throw new ValidationError(message, [{ field: "subscription.endpoint", code: "push.service", message }]);
  }
  const deviceId = deviceIdOf(subscription.endpoint);
  const existing = await deps.pushDevices.list(officer.nrp);
  const same = existing.find((d) => d.deviceId === deviceId);
  if (!same && existing.length >= MAX_DEVICES) {
    const message = `At most ${MAX_DEVICES} devices; remove one first.`;
    throw new ValidationError(message, [{ field: "subscription", code: "push.too_many", message }]);
  }
  const device: PushDevice = {
    nrp: officer.nrp,
    deviceId,
    endpoint: subscription.endpoint,
    p256dh: subscription.keys.p256dh,
    auth: subscription.keys.auth,
    label,
    createdAt: same?.createdAt ?? (deps.now?.() ?? new Date()).toISOString(),
  };
  await deps.pushDevices.put(device);
  return { device: toDeviceView(device), created: !same };
}

export async function listOwnPushDevices(deps: Pick<PushDeviceDeps, "pushDevices">, officer: Officer) {
  return { devices: (await deps.pushDevices.list(officer.nrp)).map(toDeviceView) };
}

export async function removeOwnPushDevice(
  deps: Pick<PushDeviceDeps, "pushDevices">,
  officer: Officer,
  deviceId: string,
) {
  if (!(await deps.pushDevices.remove(officer.nrp, deviceId))) throw new NotFoundError("No such device.");
  return { removed: deviceId };
}

/** An officer's devices, for admins (who see what each officer has, never the keys). */
export async function listOfficerPushDevices(
  deps: Pick<PushDeviceDeps, "pushDevices">,
  actor: Officer,
  nrp: string,
) {
  ensure(canManageRoster(actor));
  return { devices: (await deps.pushDevices.list(nrp)).map(toDeviceView) };
}
