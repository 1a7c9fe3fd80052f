import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import type { Evidence, ReportLimits } from "@lapora/core";
import * as Aws from "@lapora/core/aws";
import { createApp } from "@lapora/functions/api/app";
import { startS3Local } from "@lapora/local/emulators/s3";
import { startLocalEvidence } from "@lapora/local/evidence";
import { createLocalApp } from "@lapora/local/server";
import { checkedApp } from "./contract";
import { createTestDeps } from "./harness";
import { bucketObjects } from "./s3-objects";

/**
 * Photo evidence against real emulators: a fresh table in the shared DynamoDB Local and an s3rver of this
 * test file's own, in this process, because s3rver's object events (which feed evidence-uploaded, as S3's
 * notification does in AWS) are only heard in the process that runs it. With `web`, the whole local app
 * (API + built web app) listens on a free port and s3rver lets that origin POST (CORS), as in `npm start`.
 * `limits` replaces core's limits by source (a browser test fills a form faster than the fill-time trap).
 */
export async function startEvidenceHarness(options: { web?: boolean; limits?: ReportLimits } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "lapora-evidence-"));
  const bucket = "lapora-evidence-it";
  const s3 = await startS3Local({ directory: dir, buckets: [bucket] });
  const deps = await createTestDeps({
    evidence: { bucket, s3Endpoint: s3.endpoint },
    ...(options.limits ? { limits: options.limits } : {}),
  });
  let url = "http://lapora.test";
  let closeWeb = async () => {};
  if (options.web) {
    const app = createLocalApp(deps, resolve(import.meta.dirname, "../../web/dist"), deps.issuer);
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((r) => server.once("listening", () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closeWeb = () => new Promise<void>((r) => server.close(() => r()));
  }
  const log: Record<string, unknown>[] = [];
  const uploads = await startLocalEvidence({
    server: s3.server,
    s3Endpoint: s3.endpoint,
    bucket,
    evidence: deps.evidence,
    appOrigins: [url],
    log: (entry) => log.push(entry),
  });
  const client = Aws.createS3Client({ endpoint: s3.endpoint });
  return {
    s3,
    bucket,
    ...bucketObjects(client, bucket),
    deps,
    url,
    /** The local app serving another build of the web app (a copy a test "deploys" again), on its own port. */
    async serveWeb(dist: string): Promise<{ url: string; close(): Promise<void> }> {
      const server = serve({
        fetch: createLocalApp(deps, dist, deps.issuer).fetch,
        port: 0,
        hostname: "127.0.0.1",
      });
      await new Promise<void>((r) => server.once("listening", () => r()));
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      };
    },
    log,
    uploads,
    api: checkedApp(createApp(deps)),
    async close() {
      uploads.stop();
      (await client()).destroy();
      await closeWeb();
      deps.client.destroy();
      await s3.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends a file with a presigned POST form, as a browser does: the form's fields, then `file` last. */
export async function postWithForm(
  form: Pick<Evidence.UploadForm, "url" | "fields">,
  bytes: Uint8Array,
  options: { fields?: Record<string, string>; filename?: string; type?: string } = {},
): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of Object.entries({ ...form.fields, ...options.fields })) body.append(name, value);
  body.append(
    "file",
    new Blob([new Uint8Array(bytes)], {
      type: options.type ?? form.fields["Content-Type"] ?? "application/octet-stream",
    }),
    options.filename ?? "foto.jpg",
  );
  return fetch(form.url, { method: "POST", body });
}
