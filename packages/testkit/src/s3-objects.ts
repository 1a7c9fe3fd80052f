import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import * as Aws from "@lapora/core/aws";
import { inject } from "vitest";
import { createTestBucket } from "./harness";

/**
 * Plain reads and writes of the objects in one bucket, through `client`: what a test puts into an
 * emulator's bucket and checks there, beside the adapter of the code under test.
 */
export function bucketObjects(client: ReturnType<typeof Aws.createS3Client>, bucket: string) {
  return {
    /** Writes an object directly, as no form would let anyone do in AWS. */
    async put(key: string, body: string | Uint8Array, contentType?: string) {
      const type = contentType ? { ContentType: contentType } : {};
      await (await client()).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...type }));
    },
    /** The object's text, or undefined when there is no such object. */
    async text(key: string): Promise<string | undefined> {
      try {
        const res = await (await client()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return (await res.Body?.transformToString("utf-8")) ?? "";
      } catch (err) {
        if ((err as Error).name === "NoSuchKey") return undefined;
        throw err;
      }
    },
    /** True when the key is in the bucket. */
    async exists(key: string) {
      try {
        await (await client()).send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch {
        return false;
      }
    },
    async tags(key: string) {
      const res = await (await client()).send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
      return res.TagSet ?? [];
    },
  };
}

/**
 * A fresh bucket in the shared s3rver, with its client and plain object reads and writes, for tests of a
 * function that works on S3 objects (access-log-scrub): the test puts and checks objects with these, the
 * function under test with its own adapter on the same client.
 */
export async function createTestObjects() {
  const bucket = await createTestBucket();
  const s3 = Aws.createS3Client({ endpoint: inject("s3Endpoint") });
  return {
    bucket,
    s3,
    ...bucketObjects(s3, bucket),
    async close() {
      (await s3()).destroy();
    },
  };
}
