import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import * as Aws from "@lapora/core/aws";
import { inject } from "vitest";
import { createTestBucket } from "./harness";

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
    async put(key: string, body: string) {
      await (await s3()).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    /** The object's text, or undefined when there is no such object. */
    async text(key: string): Promise<string | undefined> {
      try {
        const res = await (await s3()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return (await res.Body?.transformToString("utf-8")) ?? "";
      } catch (err) {
        if ((err as Error).name === "NoSuchKey") return undefined;
        throw err;
      }
    },
    async exists(key: string) {
      try {
        await (await s3()).send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      (await s3()).destroy();
    },
  };
}
