import { mkdirSync } from "node:fs";
import S3rver from "s3rver";
import { freePort } from "./ports";

export interface S3Local {
  endpoint: string;
  server: S3rver;
  stop(): Promise<void>;
}

/** Credentials s3rver accepts for signed requests. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/** Starts s3rver in this process, keeping objects under `directory`, with the given buckets. */
export async function startS3Local(options: {
  directory: string;
  buckets: string[];
  port?: number;
}): Promise<S3Local> {
  mkdirSync(options.directory, { recursive: true });
  const port = options.port ?? (await freePort());
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, server, stop: () => server.close() };
}
