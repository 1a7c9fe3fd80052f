import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { CreateTopicCommand } from "@aws-sdk/client-sns";
import { serve } from "@hono/node-server";
import { Alert, firstForwarded, type ReportLimits } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import { createApp } from "@lapora/functions/api/app";
import { type LocalAlertsOptions, startLocalAlerts } from "@lapora/local/alerts/local-alerts";
import { localPushOrigins, localVapidKeys } from "@lapora/local/push/local-push";
import { startPushService } from "@lapora/local/push/push-service";
import { createLocalApp } from "@lapora/local/server";
import { inject } from "vitest";
import { checkedApp } from "./contract";
import { validReport } from "./fixtures";
import { createTestDeps } from "./harness";

/** The demo officers (packages/local/src/seed.ts), by what matters for routing. */
export const OFFICER = {
  spkt: "80010001",
  bhabinSekayu: "80010002", // Soak Baru 16.06.01.1011 and Balai Agung 16.06.01.1012
  bhabinBayungLencir: "80010003", // 16.06.09.1016
  kapolsekSekayu: "80010004",
  pimpinan: "80010005",
  admin: "80010006",
} as const;

export const waitUntil = async (what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * Alerts against the real emulators, as the local runtime wires them, on a topic and table of this test
 * file's own: the seeded officers subscribed for SMS (fauxqs filters each SMS to its officer), a local
 * push service (VAPID checked, payloads decrypted), the stream poller feeding report-events, and the API
 * app for reports, roster and push devices. Officers have no push device until a test gives them one
 * (pushDevice). Only the last hop, a phone, is not real: each SMS subscription is an SQS queue.
 */
export async function startAlertsTestbed(
  options: Partial<LocalAlertsOptions> = {},
  /** Limits by source for this bed's reports; core's REPORT_LIMITS by default. */
  limits?: ReportLimits,
) {
  const sns = Aws.createSnsClient({ endpoint: inject("snsEndpoint") });
  const { TopicArn } = await (await sns()).send(new CreateTopicCommand({ Name: `alerts-${randomUUID()}` }));
  (await sns()).destroy();
  if (!TopicArn) throw new Error("fauxqs created no topic");
  const push = await startPushService();
  const vapid = localVapidKeys();
  const deps = await createTestDeps({
    topicArn: TopicArn,
    ...(limits ? { limits } : {}),
    push: { allowedOrigins: localPushOrigins(push), vapidPublicKey: vapid.publicKey },
  });
  const alerts = await startLocalAlerts({
    vapid,
    // The daily SMS budget is its own test's subject (push-alerts.test.ts); elsewhere it must not stop SMS.
    smsPolicy: { ...Alert.SMS_POLICY, dailyBudget: 100_000 },
    deps,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: deps.tableName,
    snsEndpoint: inject("snsEndpoint"),
    topicArn: TopicArn,
    consoleUrl: "https://lapora.test",
    pollIntervalMs: 50,
    // Tests run the escalation job themselves, at chosen times.
    escalationEveryMs: 3_600_000,
    log: () => {},
    ...options,
  });
  // Sources are played with X-Forwarded-For, as CloudFront passes the client; without it, one source.
  const app = checkedApp(
    createApp(deps, undefined, { sourceOf: (c) => firstForwarded(c.req.header("X-Forwarded-For")) }),
  );
  const adminToken = await deps.issuer.sign(OFFICER.admin);

  /** Gives `nrp` a device on the bed's push service, through the API as the console does. */
  async function pushDevice(nrp: string, label = "HP dinas") {
    const subscription = push.register(`${nrp} ${label}`);
    const token = await deps.issuer.sign(nrp);
    const res = await app.request("/api/officer/push/devices", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ subscription, label }),
    });
    if (res.status !== 201) throw new Error(`push device answered ${res.status}: ${await res.text()}`);
    const { device } = (await res.json()) as { device: { deviceId: string } };
    return { ...subscription, deviceId: device.deviceId };
  }

  return {
    deps,
    alerts,
    push,
    vapid,
    pushDevice,
    app,
    topicArn: TopicArn,
    /** POSTs a report (validReport with overrides), with extra headers, and returns its receipt. */
    async report(overrides: Record<string, unknown>, headers: Record<string, string> = {}) {
      const res = await app.request("/api/reports", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(validReport(overrides)),
      });
      if (res.status !== 201) throw new Error(`report answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { id: string; trackingCode: string; priority: string; notice?: string };
    },
    /** A call to the officer API as `nrp`. */
    async officer(nrp: string, method: string, path: string) {
      const token = await deps.issuer.sign(nrp);
      return app.request(`/api/officer${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    },
    /** An admin API call, as officer 80010006. */
    admin(method: string, path: string, body?: unknown) {
      return app.request(`/api/admin${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    texts: (nrp: string) => alerts.inbox.messagesOf(nrp).map((m) => m.text),
    /** How many SMS of each officer mention the report (by the code in its console link). */
    countFor(trackingCode: string) {
      const code = trackingCode.replace(/^LPR-/, "").replaceAll("-", "");
      return Object.fromEntries(
        Object.values(OFFICER).map((nrp) => [
          nrp,
          alerts.inbox.messagesOf(nrp).filter((m) => m.text.includes(code)).length,
        ]),
      );
    },
    /**
     * Serves the built web app with this bed's API on a free port, as `npm start` serves them (for browser
     * tests of what alerts do in the console).
     */
    async serve() {
      const site = createLocalApp(deps, resolve(import.meta.dirname, "../../web/dist"), deps.issuer, {
        api: app,
      });
      const server = serve({ fetch: site.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise<void>((r) => server.once("listening", () => r()));
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      };
    },
    /** The push notifications (decrypted payloads) that reached `endpoint`. */
    pushes: (endpoint: string) =>
      push.received(endpoint).map((p) => JSON.parse(p.payload) as Alert.PushMessage),
    async stop() {
      await alerts.stop();
      await push.stop();
      deps.sqs.destroy();
      deps.client.destroy();
    },
  };
}

export type AlertsTestbed = Awaited<ReturnType<typeof startAlertsTestbed>>;
