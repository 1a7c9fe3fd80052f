import webpush from "web-push";
import type { PushDevice, PushMessage, PushSender } from "../../alert/push";

/** The stage's VAPID identity (RFC 8292): the key pair browsers subscribed with, and a contact. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** `mailto:` or `https:`, for the push service's operators. */
  subject: string;
}

/** How long a push service keeps trying an offline phone: an emergency stays news for an hour, others a day. */
const TTL_SECONDS = { darurat: 3_600, tinggi: 3_600, sedang: 86_400, rendah: 86_400 } as const;
const TIMEOUT_MS = 5_000;

/**
 * The Web Push adapter of PushSender: `web-push` encrypts the message (aes128gcm, RFC 8291) and signs the
 * VAPID header; fetch sends it, so a plain-HTTP local push service works as a vendor's HTTPS one does.
 * 201/202/200 is sent, 404 and 410 mean the subscription is gone, anything else (or no answer within
 * 5 s) is a failure.
 */
export function createWebPushSender(
  vapid: VapidKeys | (() => Promise<VapidKeys>),
  fetcher: typeof fetch = fetch,
): PushSender {
  return {
    async send(device: PushDevice, message: PushMessage) {
      // The private key may come from SSM on first use (report-events in AWS).
      const keys = typeof vapid === "function" ? await vapid() : vapid;
      const vapidDetails = { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey };
      const priority = message.priority as keyof typeof TTL_SECONDS;
      const request = webpush.generateRequestDetails(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        JSON.stringify(message),
        {
          vapidDetails,
          TTL: TTL_SECONDS[priority] ?? 86_400,
          urgency: priority === "darurat" || priority === "tinggi" ? "high" : "normal",
          // A repeat of one report's alert replaces the one waiting (topic: at most 32 base64url characters).
          topic: Buffer.from(message.tag).toString("base64url").slice(0, 32),
        },
      );
      try {
        const response = await fetcher(request.endpoint, {
          method: request.method,
          headers: request.headers as Record<string, string>,
          body: new Uint8Array(request.body as Buffer),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await response.arrayBuffer().catch(() => undefined);
        const status = response.status;
        if (status === 200 || status === 201 || status === 202) return { outcome: "sent", status };
        if (status === 404 || status === 410) return { outcome: "gone", status };
        return { outcome: "failed", status };
      } catch {
        return { outcome: "failed" };
      }
    },
  };
}

/** A new VAPID key pair (base64url), for the local runtime and for `npm run vapid-keys`. */
export const generateVapidKeys = () => webpush.generateVAPIDKeys();
