import type { S3Client } from "@aws-sdk/client-s3";
import { type Lazy, lazy, s3Sdk } from "./lazy";

/**
 * An S3 client for Lapora, made on first use. Checksums are computed and validated only when required:
 * otherwise a presigned PUT carries an empty-body CRC32 that real S3 rejects, and s3rver corrupts streamed
 * uploads. Locally (s3rver) requests are path-style with s3rver's fixed credentials.
 */
export function createS3Client(options: { region?: string; endpoint?: string } = {}): Lazy<S3Client> {
  return lazy(async () => {
    const { S3Client } = await s3Sdk();
    return new S3Client({
      region: options.region ?? "ap-southeast-3",
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      ...(options.endpoint
        ? {
            endpoint: options.endpoint,
            forcePathStyle: true,
            credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
          }
        : {}),
    });
  });
}
