import type { S3Client } from "@aws-sdk/client-s3";
import type { AccessLogFiles } from "../../audit/access-log-files";
import { type Lazy, s3Sdk } from "./lazy";

/**
 * The S3 adapter of AccessLogFiles: the evidence bucket's access log files in their log bucket. A missing
 * file is found by listing its exact key first: S3 answers a GET of a missing key with 404 only to a caller
 * that may list the bucket, and `access-log-scrub` may list only the raw prefix (stacks/Storage.ts), so
 * its GET of a file an earlier try deleted would be an AccessDenied, not a "gone".
 */
export function createS3AccessLogFiles(s3: Lazy<S3Client>, bucket: string): AccessLogFiles {
  return {
    async read(key) {
      const { ListObjectsV2Command, GetObjectCommand } = await s3Sdk();
      const client = await s3();
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }));
      if (!listed.Contents?.some((o) => o.Key === key)) return undefined;
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return (await res.Body?.transformToString("utf-8")) ?? "";
      } catch (err) {
        // Deleted between the list and the get, by another try of the same file.
        if ((err as Error).name === "NoSuchKey") return undefined;
        throw err;
      }
    },
    async write(key, text) {
      const { PutObjectCommand } = await s3Sdk();
      await (await s3()).send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: text,
          ContentType: "text/plain; charset=utf-8",
        }),
      );
    },
    async remove(key) {
      const { DeleteObjectCommand } = await s3Sdk();
      await (await s3()).send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
