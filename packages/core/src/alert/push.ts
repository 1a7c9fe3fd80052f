import * as z from "zod/mini";

/**
 * Web Push (RFC 8030) to officers' installed consoles: each officer may turn it on on several devices.
 * A device is the browser's PushSubscription (endpoint and keys, RFC 8291); the push service behind the
 * endpoint belongs to the browser's vendor, and only hosts a stage allows are accepted (no request of
 * ours goes anywhere an officer types in).
 */
export interface PushDevice {
  nrp: string;
  /** Derived from the endpoint: registering the same subscription twice gives the same device. */
  deviceId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  /** The officer's name for the device, e.g. "HP dinas". */
  label: string;
  createdAt: string;
  /** The last push the service accepted. */
  lastOkAt?: string;
  /** Set when a push failed (other than 404/410, which remove the device); cleared by the next success. */
  failingSince?: string;
}

/** A device as the console and admins see it: never its keys. */
export type PushDeviceView = Pick<
  PushDevice,
  "deviceId" | "label" | "createdAt" | "lastOkAt" | "failingSince"
> & {
  /** The push service's host, e.g. fcm.googleapis.com. */
  service: string;
};

export const toDeviceView = (d: PushDevice): PushDeviceView => ({
  deviceId: d.deviceId,
  label: d.label,
  createdAt: d.createdAt,
  ...(d.lastOkAt ? { lastOkAt: d.lastOkAt } : {}),
  ...(d.failingSince ? { failingSince: d.failingSince } : {}),
  service: new URL(d.endpoint).host,
});

/** A device that may still deliver: not failing. */
export const isWorking = (d: Pick<PushDevice, "failingSince">) => d.failingSince === undefined;

const b64url = (min: number, max: number) =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]+=*$/, "must be base64url"), z.minLength(min), z.maxLength(max));

/** `POST /api/officer/push/devices`: the browser's `PushSubscription.toJSON()` and a label. */
export const PushDeviceInput = z.strictObject({
  subscription: z.object({
    endpoint: z.url().check(z.maxLength(1000)),
    // A P-256 public key (65 bytes) is 87 base64url characters, an auth secret (16 bytes) 22.
    keys: z.object({ p256dh: b64url(86, 90), auth: b64url(21, 24) }),
  }),
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
});
export type PushDeviceInput = z.output<typeof PushDeviceInput>;

/** The facts a push notification shows: those of the SMS, never the reporter or the description. */
export interface PushMessage {
  title: string;
  body: string;
  /** The console page to open, relative to the console's origin. */
  url: string;
  /** One notification per report and alert kind: a repeat replaces it. */
  tag: string;
  reportId?: string;
  priority: string;
  kind: string;
}

/** The outcome of one push: accepted, the subscription is gone (404/410), or the service failed. */
export type PushOutcome = "sent" | "gone" | "failed";

/** Sends Web Push messages (VAPID, RFC 8292; encrypted, RFC 8291). */
export interface PushSender {
  send(device: PushDevice, message: PushMessage): Promise<{ outcome: PushOutcome; status?: number }>;
}

/** Officers' push devices. */
export interface PushDeviceStore {
  list(nrp: string): Promise<PushDevice[]>;
  put(device: PushDevice): Promise<void>;
  remove(nrp: string, deviceId: string): Promise<boolean>;
  removeAll(nrp: string): Promise<number>;
  markOk(nrp: string, deviceId: string, at: string): Promise<void>;
  markFailing(nrp: string, deviceId: string, at: string): Promise<void>;
}
